package io.chipledger.server.game.holdem;

import static io.chipledger.server.game.holdem.HandFixture.blinds;
import static io.chipledger.server.game.holdem.HandFixture.board;
import static io.chipledger.server.game.holdem.HandFixture.dealHoles;
import static io.chipledger.server.game.holdem.HandFixture.m;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.server.game.holdem.HandCommand.Call;
import io.chipledger.server.game.holdem.HandCommand.Check;
import io.chipledger.server.game.holdem.HandCommand.Fold;
import io.chipledger.server.game.holdem.HandCommand.RaiseTo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A player who would rather not wait for the big blind posts one from where they sit: live, as the big blind's is (it
 * counts toward their call, and with no raise they have the option to check or raise), only after the blinds and
 * before the button, and every chip of it accounted for.
 */
class PostedBigBlindTest {

    /** Five players, seat 1 the small blind, 2 the big blind, 3 under the gun, 4 (the poster) the cutoff, 5 the button. */
    private static HoldemHand fiveHandedWithAPostFromSeatFour(Stakes stakes) {
        List<PlayerSeat> players = new ArrayList<>();
        for (int seat = 1; seat <= 5; seat++) {
            players.add(new PlayerSeat(seat, m("100.00"), seat == 4));
        }
        HoldemHand hand = HoldemHand.start(HandSetup.of(players, stakes));
        dealHoles(hand, "AsKs", "QhQd", "7c2d", "4c3d", "9h4s");
        return hand;
    }

    @Test
    void thePostIsABigBlindAfterTheBlindsAndActionStillStartsUnderTheGun() {
        HoldemHand hand = fiveHandedWithAPostFromSeatFour(blinds("0.50", "1.00"));

        assertThat(HandFixture.eventsOf(hand, HandEvent.BlindPosted.class)).containsExactly(
                new HandEvent.BlindPosted(1, Blind.SMALL, m("0.50"), false, m("99.50")),
                new HandEvent.BlindPosted(2, Blind.BIG, m("1.00"), false, m("99.00")),
                new HandEvent.BlindPosted(4, Blind.BIG, m("1.00"), false, m("99.00")));
        assertThat(hand.actor()).as("under the gun, not left of the poster").hasValue(3);
        assertThat(hand.legalActions().orElseThrow().toCall()).isEqualTo(m("1.00"));
    }

    @Test
    void withNoRaiseThePosterMayCheckAndTheBigBlindKeepsTheOption() {
        HoldemHand hand = fiveHandedWithAPostFromSeatFour(blinds("0.50", "1.00"));
        hand.handle(new Call(3));

        assertThat(hand.legalActions()).hasValue(
                new LegalActions(4, true, true, m("0.00"), true, false, m("2.00"), m("100.00")));
        hand.handle(new Check(4));
        hand.handle(new Fold(5));
        hand.handle(new Call(1));
        assertThat(hand.legalActions()).as("the big blind's option").hasValue(
                new LegalActions(2, true, true, m("0.00"), true, false, m("2.00"), m("100.00")));
        hand.handle(new Check(2));

        assertThat(hand.phase()).isEqualTo(Phase.AWAITING_BOARD);
        assertThat(hand.pots()).extracting(Pot::amount).containsExactly(m("4.00"));
    }

    @Test
    void thePostCountsTowardTheCallOfARaise() {
        HoldemHand hand = fiveHandedWithAPostFromSeatFour(blinds("0.50", "1.00"));
        hand.handle(new RaiseTo(3, m("3.00")));

        assertThat(hand.legalActions().orElseThrow().toCall()).as("3.00 less the 1.00 posted").isEqualTo(m("2.00"));
        hand.handle(new Call(4));

        assertThat(hand.stack(4)).isEqualTo(m("97.00"));
    }

    @Test
    void everyChipOfThePostIsInThePotAndTheHandAddsUp() {
        HoldemHand hand = fiveHandedWithAPostFromSeatFour(blinds("0.50", "1.00"));
        hand.handle(new Fold(3));
        hand.handle(new Check(4));
        hand.handle(new Fold(5));
        hand.handle(new Fold(1));
        hand.handle(new Check(2));
        board(hand, "2c7d8h");
        hand.handle(new Check(2));
        hand.handle(new Check(4));
        board(hand, "Jc");
        hand.handle(new Check(2));
        hand.handle(new Check(4));
        board(hand, "Td");
        hand.handle(new Check(2));
        hand.handle(new Check(4));

        assertThat(hand.isComplete()).isTrue();
        ChipTally tally = ChipTally.of(hand.events());
        assertThat(tally.total()).as("chips created or lost").isEqualTo(m("0.00"));
        assertThat(tally.pot()).as("left in the pot").isEqualTo(m("0.00"));
        // Queens win the 2.50 pot: the two big blinds and the folded small blind.
        assertThat(hand.stack(2)).isEqualTo(m("101.50"));
        assertThat(hand.stack(4)).isEqualTo(m("99.00"));
    }

    @Test
    void aPosterShortOfABigBlindIsAllInForWhatTheyHave() {
        List<PlayerSeat> players = List.of(new PlayerSeat(1, m("100.00")), new PlayerSeat(2, m("100.00")),
                new PlayerSeat(3, m("0.40"), true), new PlayerSeat(4, m("100.00")));

        HoldemHand hand = HoldemHand.start(HandSetup.of(players, blinds("0.50", "1.00")));

        assertThat(HandFixture.eventsOf(hand, HandEvent.BlindPosted.class))
                .contains(new HandEvent.BlindPosted(3, Blind.BIG, m("0.40"), true, m("0.00")));
    }

    @Test
    void withAStraddleThePostComesAfterIt() {
        List<PlayerSeat> players = List.of(new PlayerSeat(1, m("100.00")), new PlayerSeat(2, m("100.00")),
                new PlayerSeat(3, m("100.00")), new PlayerSeat(4, m("100.00"), true), new PlayerSeat(5, m("100.00")));

        HoldemHand hand = HoldemHand.start(HandSetup.of(players, blinds("0.50", "1.00").withStraddle(m("2.00"))));
        dealHoles(hand, "AsKs", "QhQd", "7c2d", "8c3d", "9h4s");

        assertThat(hand.legalActions().orElseThrow().seat()).as("left of the straddle: the poster").isEqualTo(4);
        assertThat(hand.legalActions().orElseThrow().toCall()).isEqualTo(m("1.00"));
    }

    @Test
    void noOnePostsInTheBlindsTheStraddleOrOnTheButtonNorHeadsUp() {
        for (int poster = 0; poster < 5; poster++) {
            int position = poster;
            boolean allowed = position == 2 || position == 3;
            List<PlayerSeat> players = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                players.add(new PlayerSeat(i + 1, m("100.00"), i == position));
            }
            if (allowed) {
                assertThat(HandSetup.of(players, blinds("0.50", "1.00")).players()).hasSize(5);
            } else {
                assertThatThrownBy(() -> HandSetup.of(players, blinds("0.50", "1.00")))
                        .as("a post in position %d", position)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after the blinds, before the button");
            }
        }
        List<PlayerSeat> straddled = List.of(new PlayerSeat(1, m("100.00")), new PlayerSeat(2, m("100.00")),
                new PlayerSeat(3, m("100.00"), true), new PlayerSeat(4, m("100.00")));
        assertThatThrownBy(() -> HandSetup.of(straddled, blinds("0.50", "1.00").withStraddle(m("2.00"))))
                .isInstanceOf(IllegalArgumentException.class);
        List<PlayerSeat> headsUp = List.of(new PlayerSeat(1, m("100.00"), true), new PlayerSeat(2, m("100.00")));
        assertThatThrownBy(() -> HandSetup.of(headsUp, blinds("0.50", "1.00"))).isInstanceOf(IllegalArgumentException.class);
    }
}
