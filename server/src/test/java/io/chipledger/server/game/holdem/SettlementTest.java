package io.chipledger.server.game.holdem;

import static io.chipledger.server.game.holdem.HandFixture.blinds;
import static io.chipledger.server.game.holdem.HandFixture.board;
import static io.chipledger.server.game.holdem.HandFixture.dealHoles;
import static io.chipledger.server.game.holdem.HandFixture.eventsOf;
import static io.chipledger.server.game.holdem.HandFixture.m;
import static io.chipledger.server.game.holdem.HandFixture.setup;
import static io.chipledger.server.game.holdem.HandFixture.start;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import io.chipledger.server.game.holdem.HandCommand.Bet;
import io.chipledger.server.game.holdem.HandCommand.Call;
import io.chipledger.server.game.holdem.HandCommand.Check;
import io.chipledger.server.game.holdem.HandCommand.Fold;
import io.chipledger.server.game.holdem.HandCommand.RaiseTo;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementTest {

    @Test
    void uncalledBetIsReturnedAndTheMatchedPartWon() {
        HoldemHand hand = start(blinds("0.50", "1.00"), "100", "100", "100");
        dealHoles(hand, "AsKs", "QhQd", "7c2d");
        hand.handle(new RaiseTo(3, m("10")));
        hand.handle(new Fold(1));
        List<HandEvent> last = hand.handle(new Fold(2));

        assertThat(last).containsSubsequence(
                new HandEvent.Folded(2),
                new HandEvent.UncalledBetReturned(3, m("9.00"), m("99.00")),
                new HandEvent.PotAwarded(0, 3, m("2.50"), false, m("101.50")));
        assertThat(last.get(last.size() - 1)).isEqualTo(new HandEvent.HandEnded(List.of(
                new FinalStack(1, m("99.50")), new FinalStack(2, m("99.00")), new FinalStack(3, m("101.50")))));
        assertThat(eventsOf(hand, HandEvent.HandShown.class)).as("no showdown when everyone folds").isEmpty();
    }

    @Test
    void sidePotsAreFormedByContributionLevelAndEachGoesToItsBestHand() {
        HoldemHand hand = start(blinds("0.50", "1.00"), "5", "10", "20");
        dealHoles(hand, "AsAh", "KsKh", "QsQh");
        hand.handle(new RaiseTo(3, m("20")));
        hand.handle(new Call(1));
        hand.handle(new Call(2));

        assertThat(hand.events()).contains(new HandEvent.UncalledBetReturned(3, m("10.00"), m("10.00")));
        assertThat(hand.pots()).containsExactly(
                new Pot(0, m("15.00"), List.of(1, 2, 3)),
                new Pot(1, m("10.00"), List.of(2, 3)));
        assertThat(eventsOf(hand, HandEvent.HandTabled.class)).hasSize(3);
        assertThat(hand.phase()).isEqualTo(Phase.AWAITING_BOARD);

        board(hand, "2c7d9h");
        board(hand, "3c");
        List<HandEvent> river = board(hand, "4d");

        assertThat(river).contains(
                new HandEvent.PotAwarded(0, 1, m("15.00"), false, m("15.00")),
                new HandEvent.PotAwarded(1, 2, m("10.00"), false, m("10.00")));
        assertThat(stacks(hand)).containsExactly(m("15.00"), m("10.00"), m("10.00"));
    }

    @Test
    void bigBlindAnteIsDeadMoneyInTheMainPot() {
        Stakes stakes = blinds("0.50", "1.00").withAnte(new Ante.BigBlind(m("1.00")));
        HoldemHand hand = start(stakes, "0.30", "10", "10");
        assertThat(hand.events()).contains(
                new HandEvent.AntePosted(2, m("1.00"), true, false, m("9.00")),
                new HandEvent.BlindPosted(1, Blind.SMALL, m("0.30"), true, m("0.00")));
        dealHoles(hand, "AsAh", "7c2d", "8c3d");
        hand.handle(new Call(3));
        hand.handle(new Check(2));
        checkDown(hand, List.of(2, 3), "KdQs9h", "5c", "4s");

        // A short all-in contests the whole ante: 1.00 dead + 0.30 from each of three players.
        assertThat(hand.events()).contains(new HandEvent.PotAwarded(0, 1, m("1.90"), false, m("1.90")));
        assertThat(stacks(hand)).containsExactly(m("1.90"), m("8.00"), m("10.40"));
    }

    @Test
    void uniformAntesCountTowardThePotLevelsLikeBets() {
        Stakes stakes = blinds("0.50", "1.00").withAnte(new Ante.Uniform(m("1.00")));
        HoldemHand hand = start(stakes, "1.30", "10", "10");
        assertThat(eventsOf(hand, HandEvent.AntePosted.class)).containsExactly(
                new HandEvent.AntePosted(1, m("1.00"), false, false, m("0.30")),
                new HandEvent.AntePosted(2, m("1.00"), false, false, m("9.00")),
                new HandEvent.AntePosted(3, m("1.00"), false, false, m("9.00")));
        dealHoles(hand, "AsAh", "7c2d", "8c3d");
        hand.handle(new Call(3));
        hand.handle(new Check(2));
        checkDown(hand, List.of(2, 3), "KdQs9h", "5c", "4s");

        // Seat 1 put in 1.30 in all, so it can win 1.30 from each player.
        assertThat(hand.events()).contains(new HandEvent.PotAwarded(0, 1, m("3.90"), false, m("3.90")));
        assertThat(stacks(hand)).containsExactly(m("3.90"), m("8.00"), m("9.40"));
    }

    @Test
    void oddCentGoesToFirstWinnerLeftOfTheButton() {
        HoldemHand hand = start(blinds("0.05", "0.10"), "10", "10", "10");
        dealHoles(hand, "2c3c", "4d5d", "6h7h");
        hand.handle(new Call(3));
        hand.handle(new Fold(1));
        hand.handle(new Check(2));
        checkDown(hand, List.of(2, 3), "AsKsQs", "Js", "Ts");

        assertThat(eventsOf(hand, HandEvent.PotAwarded.class)).containsExactly(
                new HandEvent.PotAwarded(0, 2, m("0.13"), true, m("10.03")),
                new HandEvent.PotAwarded(0, 3, m("0.12"), false, m("10.02")));
    }

    @Test
    void oddCentFollowsSeatOrderFromTheButtonNotSeatNumbers() {
        // Seat 8 is left of the button, then seat 9 (big blind), then seat 2 (the button).
        HoldemHand hand = HoldemHand.start(HandSetup.of(List.of(new PlayerSeat(8, m("10")), new PlayerSeat(9, m("10")),
                new PlayerSeat(2, m("10"))), blinds("0.05", "0.10")));
        hand.handle(new HandCommand.DealHoleCards(8, HandFixture.cards("2c3c")));
        hand.handle(new HandCommand.DealHoleCards(9, HandFixture.cards("4d5d")));
        hand.handle(new HandCommand.DealHoleCards(2, HandFixture.cards("6h7h")));
        hand.handle(new Call(2));
        hand.handle(new Fold(8));
        hand.handle(new Check(9));
        checkDown(hand, List.of(9, 2), "AsKsQs", "Js", "Ts");

        assertThat(eventsOf(hand, HandEvent.PotAwarded.class)).containsExactly(
                new HandEvent.PotAwarded(0, 9, m("0.13"), true, m("10.03")),
                new HandEvent.PotAwarded(0, 2, m("0.12"), false, m("10.02")));
    }

    @Test
    void withoutMuckingEveryHandIsShownStartingLeftOfTheButtonWhenTheRiverIsChecked() {
        HoldemHand hand = HoldemHand.start(setup(blinds("0.50", "1.00"), "100", "100", "100")
                .withMuckLosingHands(false));
        dealHoles(hand, "7c2d", "8c3d", "AsAh");
        hand.handle(new Call(3));
        hand.handle(new Call(1));
        hand.handle(new Check(2));
        checkDown(hand, List.of(1, 2, 3), "KdQs9h", "5c", "4s");

        List<HandEvent> showdown = hand.events().stream()
                .filter(e -> e instanceof HandEvent.HandShown || e instanceof HandEvent.HandMucked).toList();
        assertThat(showdown).allMatch(e -> e instanceof HandEvent.HandShown);
        assertThat(showdown).extracting(HandFixture::seatOf).containsExactly(1, 2, 3);
        assertThat(hand.events()).contains(new HandEvent.PotAwarded(0, 3, m("3.00"), false, m("102.00")));
    }

    @Test
    void handsTabledForAnAllInAreShownEvenWhereLosersMayMuck() {
        HoldemHand hand = start(blinds("0.50", "1.00"), "5", "10", "20");
        dealHoles(hand, "2c3d", "KsKh", "QsQh");
        hand.handle(new RaiseTo(3, m("20")));
        hand.handle(new Call(1));
        hand.handle(new Call(2));
        board(hand, "2h7d9h");
        board(hand, "4c");
        board(hand, "Jd");

        assertThat(hand.setup().muckLosingHands()).isTrue();
        assertThat(eventsOf(hand, HandEvent.HandMucked.class)).isEmpty();
        assertThat(eventsOf(hand, HandEvent.HandShown.class)).extracting(HandFixture::seatOf)
                .containsExactly(3, 1, 2);
    }

    @Test
    void potsLeftWithTheSameLiveHandsAreSplitOnceSoOddCentsDoNotPileUp() {
        // Without killing seat 1's dead hand there would be a 0.21 main pot and a 0.57 side pot, both split by seats 2
        // and 3 with both odd cents to seat 2; the dead hand killed, they are one 0.78 pot split evenly.
        Stakes stakes = blinds("0.01", "0.02").withAnte(new Ante.BigBlind(m("0.01")));
        HoldemHand hand = start(stakes, "0.05", "5", "5", "5");
        dealHoles(hand, "2c3d", "AsKh", "AdKc", "7h8h");
        hand.handle(new RaiseTo(3, m("0.12")));
        hand.handle(new Call(4));
        hand.handle(new Call(1));
        hand.handle(new RaiseTo(2, m("0.30")));
        hand.handle(new Call(3));
        hand.handle(new Fold(4));
        checkDown(hand, List.of(2, 3), "AhKdQs", "7c", "8d");

        assertThat(eventsOf(hand, HandEvent.PotAwarded.class)).containsExactly(
                new HandEvent.PotAwarded(0, 2, m("0.39"), false, m("5.08")),
                new HandEvent.PotAwarded(0, 3, m("0.39"), false, m("5.09")));
    }

    @Test
    void rakeIsTakenFromTheMainPotAfterTheFlopOnly() {
        RakeRule fivePercent = new RakeRule(new BigDecimal("5"), m("1.00"), true);
        HoldemHand raked = HoldemHand.start(setup(blinds("0.50", "1.00"), "100", "100").withRake(fivePercent));
        dealHoles(raked, "AsAh", "7c2d");
        raked.handle(new RaiseTo(2, m("5")));
        raked.handle(new Call(1));
        board(raked, "KdQs9h");
        raked.handle(new Check(1));
        raked.handle(new Check(2));
        board(raked, "5c");
        raked.handle(new Check(1));
        raked.handle(new Check(2));
        board(raked, "4s");
        raked.handle(new Check(1));
        List<HandEvent> end = raked.handle(new Check(2));

        assertThat(end).contains(new HandEvent.RakeTaken(0, m("0.50")), new HandEvent.PotAwarded(0, 1, m("9.50"), false, m("104.50")));
        ChipTally tally = ChipTally.of(raked.events());
        assertThat(tally.rake()).isEqualTo(m("0.50"));
        assertThat(tally.pot()).isEqualTo(Money.ZERO);
        assertThat(tally.total()).isEqualTo(Money.ZERO);

        HoldemHand noFlop = HoldemHand.start(setup(blinds("0.50", "1.00"), "100", "100").withRake(fivePercent));
        dealHoles(noFlop, "AsAh", "7c2d");
        noFlop.handle(new RaiseTo(2, m("5")));
        noFlop.handle(new Fold(1));
        assertThat(eventsOf(noFlop, HandEvent.RakeTaken.class)).isEmpty();
    }

    @Test
    void losingHandsMayBeMuckedAfterTheBestHandIsShown() {
        HoldemHand hand = start(blinds("0.50", "1.00"), "100", "100", "100");
        dealHoles(hand, "AsAh", "7c2d", "8c3d");
        hand.handle(new Call(3));
        hand.handle(new Call(1));
        hand.handle(new Check(2));
        checkDown(hand, List.of(1, 2, 3), "KdQs9h", "5c", "4s");

        assertThat(hand.events()).containsSubsequence(
                new HandEvent.HandShown(1, HandFixture.cards("AsAh"),
                        io.chipledger.server.game.eval.HandCategory.ONE_PAIR, shownStrength(hand, 1)),
                new HandEvent.HandMucked(2),
                new HandEvent.HandMucked(3),
                new HandEvent.PotAwarded(0, 1, m("3.00"), false, m("102.00")));
    }

    @Test
    void theLastAggressorShowsFirst() {
        HoldemHand hand = start(blinds("0.50", "1.00"), "100", "100", "100");
        dealHoles(hand, "7c2d", "AsAh", "8c3d");
        hand.handle(new Call(3));
        hand.handle(new Call(1));
        hand.handle(new Check(2));
        checkDown(hand, List.of(1, 2, 3), "KdQs9h", "5c");
        board(hand, "4s");
        hand.handle(new Check(1));
        hand.handle(new Bet(2, m("2")));
        hand.handle(new Call(3));
        hand.handle(new Call(1));

        List<HandEvent> showdown = hand.events().stream()
                .filter(e -> e instanceof HandEvent.HandShown || e instanceof HandEvent.HandMucked).toList();
        assertThat(showdown).extracting(HandFixture::seatOf).containsExactly(2, 3, 1);
        assertThat(showdown.get(1)).isEqualTo(new HandEvent.HandMucked(3));
    }

    @Test
    void everyFinishedHandConservesChips() {
        HoldemHand hand = start(blinds("0.50", "1.00"), "5", "10", "20");
        dealHoles(hand, "AsAh", "KsKh", "QsQh");
        hand.handle(new RaiseTo(3, m("20")));
        hand.handle(new Call(1));
        hand.handle(new Call(2));
        board(hand, "2c7d9h");
        board(hand, "3c");
        board(hand, "4d");

        ChipTally tally = ChipTally.of(hand.events());
        assertThat(tally.total()).isEqualTo(Money.ZERO);
        assertThat(tally.pot()).isEqualTo(Money.ZERO);
        assertThat(tally.seat(1)).isEqualTo(m("10.00"));
        assertThat(tally.seat(3)).isEqualTo(m("-10.00"));
    }

    private static int shownStrength(HoldemHand hand, int seat) {
        return eventsOf(hand, HandEvent.HandShown.class).stream().map(HandEvent.HandShown.class::cast)
                .filter(e -> e.seat() == seat).findFirst().orElseThrow().strength();
    }

    /** Deals each street and lets the given seats (in acting order) check it through. */
    private static void checkDown(HoldemHand hand, List<Integer> seats, String... streets) {
        for (String street : streets) {
            board(hand, street);
            for (int seat : seats) {
                hand.handle(new Check(seat));
            }
        }
    }

    private static List<Money> stacks(HoldemHand hand) {
        return hand.seats().stream().map(SeatView::stack).toList();
    }
}
