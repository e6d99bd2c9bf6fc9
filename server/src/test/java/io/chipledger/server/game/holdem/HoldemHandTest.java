package io.chipledger.server.game.holdem;

import static io.chipledger.server.game.holdem.HandFixture.assertRefused;
import static io.chipledger.server.game.holdem.HandFixture.blinds;
import static io.chipledger.server.game.holdem.HandFixture.board;
import static io.chipledger.server.game.holdem.HandFixture.cards;
import static io.chipledger.server.game.holdem.HandFixture.dealHoles;
import static io.chipledger.server.game.holdem.HandFixture.m;
import static io.chipledger.server.game.holdem.HandFixture.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.server.game.holdem.HandCommand.Bet;
import io.chipledger.server.game.holdem.HandCommand.Call;
import io.chipledger.server.game.holdem.HandCommand.Check;
import io.chipledger.server.game.holdem.HandCommand.DealBoard;
import io.chipledger.server.game.holdem.HandCommand.DealHoleCards;
import io.chipledger.server.game.holdem.HandCommand.Fold;
import io.chipledger.server.game.holdem.HandCommand.RaiseTo;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldemHandTest {

    @Test
    void blindsArePostedAndActionStartsLeftOfTheBigBlind() {
        HoldemHand hand = start(blinds("0.50", "1.00"), "100", "100", "100");

        assertThat(hand.events()).containsSubsequence(
                new HandEvent.BlindPosted(1, Blind.SMALL, m("0.50"), false, m("99.50")),
                new HandEvent.BlindPosted(2, Blind.BIG, m("1.00"), false, m("99.00")));
        assertThat(hand.phase()).isEqualTo(Phase.AWAITING_HOLE_CARDS);
        assertThat(hand.seatsAwaitingHoleCards()).containsExactly(1, 2, 3);

        dealHoles(hand, "AsKs", "QhQd", "7c2d");

        assertThat(hand.actor()).hasValue(3);
        assertThat(hand.legalActions()).hasValue(
                new LegalActions(3, true, false, m("1.00"), true, false, m("2.00"), m("100.00")));
    }

    @Test
    void headsUpTheButtonPostsTheSmallBlindAndActsFirstOnlyBeforeTheFlop() {
        HoldemHand hand = start(blinds("0.50", "1.00"), "100", "100");

        assertThat(hand.events()).containsSubsequence(
                new HandEvent.BlindPosted(2, Blind.SMALL, m("0.50"), false, m("99.50")),
                new HandEvent.BlindPosted(1, Blind.BIG, m("1.00"), false, m("99.00")));
        dealHoles(hand, "AsKs", "QhQd");
        assertThat(hand.actor()).hasValue(2);

        hand.handle(new Call(2));
        hand.handle(new Check(1));
        board(hand, "2c7d9h");

        assertThat(hand.actor()).hasValue(1);
    }

    @Test
    void straddleActsLastBeforeTheFlopAndSetsTheBetToCall() {
        HoldemHand hand = start(blinds("0.50", "1.00").withStraddle(m("2.00")), "100", "100", "100", "100");
        dealHoles(hand, "AsKs", "QhQd", "7c2d", "8c3d");

        assertThat(hand.events()).contains(new HandEvent.BlindPosted(3, Blind.STRADDLE, m("2.00"), false, m("98.00")));
        assertThat(hand.legalActions()).hasValue(
                new LegalActions(4, true, false, m("2.00"), true, false, m("3.00"), m("100.00")));
    }

    @Test
    void theStraddlerHasTheLastOptionBeforeTheFlop() {
        HoldemHand hand = start(blinds("0.50", "1.00").withStraddle(m("2.00")), "100", "100", "100", "100");
        dealHoles(hand, "AsKs", "QhQd", "7c2d", "8c3d");
        hand.handle(new Call(4));
        hand.handle(new Call(1));
        hand.handle(new Call(2));

        assertThat(hand.legalActions()).hasValue(
                new LegalActions(3, true, true, m("0.00"), true, false, m("3.00"), m("100.00")));
        hand.handle(new Check(3));
        assertThat(hand.phase()).isEqualTo(Phase.AWAITING_BOARD);
    }

    @Test
    void aStraddleNeedsAtLeastThreePlayers() {
        Stakes straddled = blinds("0.50", "1.00").withStraddle(m("2.00"));

        assertThatThrownBy(() -> HandFixture.setup(straddled, "100", "100"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least three players");
    }

    @Test
    void headsUpTheBigBlindNotTheButtonPostsTheBigBlindAnte() {
        HoldemHand hand = start(blinds("0.50", "1.00").withAnte(new Ante.BigBlind(m("1.00"))), "100", "100");

        assertThat(HandFixture.eventsOf(hand, HandEvent.AntePosted.class))
                .containsExactly(new HandEvent.AntePosted(1, m("1.00"), true, false, m("99.00")));
        assertThat(hand.stack(1)).isEqualTo(m("98.00"));
        assertThat(hand.stack(2)).isEqualTo(m("99.50"));
    }

    @Test
    void everyPlayerPostsAUniformAnteBeforeTheBlinds() {
        HoldemHand hand = start(blinds("0.50", "1.00").withAnte(new Ante.Uniform(m("0.25"))), "100", "100", "100");

        assertThat(hand.events().subList(1, 6)).containsExactly(
                new HandEvent.AntePosted(1, m("0.25"), false, false, m("99.75")),
                new HandEvent.AntePosted(2, m("0.25"), false, false, m("99.75")),
                new HandEvent.AntePosted(3, m("0.25"), false, false, m("99.75")),
                new HandEvent.BlindPosted(1, Blind.SMALL, m("0.50"), false, m("99.25")),
                new HandEvent.BlindPosted(2, Blind.BIG, m("1.00"), false, m("98.75")));
        dealHoles(hand, "AsKs", "QhQd", "7c2d");
        assertThat(hand.legalActions().orElseThrow().toCall()).as("antes are not part of the bet to call")
                .isEqualTo(m("1.00"));
    }

    @Test
    void raiseBelowMinimumIsRejected() {
        HoldemHand hand = threeHandedPreflop();
        hand.handle(new RaiseTo(3, m("3.00")));

        assertRefused(hand, new RaiseTo(1, m("4.99")), Refusal.BELOW_MINIMUM);
        hand.handle(new RaiseTo(1, m("5.00")));

        assertThat(hand.legalActions().orElseThrow().minTo()).isEqualTo(m("7.00"));
    }

    @Test
    void betBelowTheBigBlindAfterTheFlopIsRejected() {
        HoldemHand hand = threeHandedFlop("100", "100", "100");

        assertRefused(hand, new Bet(1, m("0.99")), Refusal.BELOW_MINIMUM);
        hand.handle(new Bet(1, m("1.00")));

        assertThat(hand.actor()).hasValue(2);
    }

    @Test
    void allInForLessThanAFullRaiseIsAllowed() {
        HoldemHand hand = threeHandedFlop("100", "5.50", "100");
        hand.handle(new Bet(1, m("4.00")));

        List<HandEvent> events = hand.handle(new RaiseTo(2, m("4.50")));

        assertThat(events).containsExactly(new HandEvent.Raised(2, m("4.50"), m("4.50"), true, m("0.00")));
    }

    @Test
    void shortAllInDoesNotReopenTheBettingForAPlayerWhoAlreadyActed() {
        HoldemHand hand = threeHandedFlop("100", "16", "100");
        hand.handle(new Bet(1, m("10")));
        hand.handle(new RaiseTo(2, m("15")));

        assertThat(hand.legalActions().orElseThrow().canBetOrRaise()).as("seat 3 has not acted yet").isTrue();
        hand.handle(new Call(3));

        LegalActions seatOne = hand.legalActions().orElseThrow();
        assertThat(seatOne.canBetOrRaise()).isFalse();
        assertThat(seatOne.toCall()).isEqualTo(m("5.00"));
        assertRefused(hand, new RaiseTo(1, m("40")), Refusal.BETTING_NOT_REOPENED);
        hand.handle(new Call(1));
        assertThat(hand.phase()).isEqualTo(Phase.AWAITING_BOARD);
    }

    @Test
    void shortAllInsThatTogetherMakeAFullRaiseReopenTheBetting() {
        HoldemHand hand = start(blinds("0.50", "1.00"), "100", "16", "22", "100");
        dealHoles(hand, "AsKs", "QhQd", "7c2d", "8c3d");
        hand.handle(new Call(3));
        hand.handle(new Call(4));
        hand.handle(new Call(1));
        hand.handle(new Check(2));
        board(hand, "2c7d9h");
        hand.handle(new Bet(1, m("10")));
        hand.handle(new RaiseTo(2, m("15")));
        hand.handle(new RaiseTo(3, m("21")));
        hand.handle(new Call(4));

        assertThat(hand.legalActions().orElseThrow().canBetOrRaise()).isTrue();
        hand.handle(new RaiseTo(1, m("40")));
    }

    @Test
    void aRaiseIsRefusedWhenEveryoneElseIsAllIn() {
        HoldemHand hand = start(blinds("0.50", "1.00"), "100", "5");
        dealHoles(hand, "AsKs", "QhQd");
        hand.handle(new RaiseTo(2, m("5")));

        assertRefused(hand, new RaiseTo(1, m("20")), Refusal.NO_OPPONENT_CAN_CALL);
        assertThat(hand.legalActions().orElseThrow().canBetOrRaise()).isFalse();
    }

    @Test
    void aPlayerCoveredByTheBetCanOnlyCallOrFold() {
        HoldemHand hand = start(blinds("0.50", "1.00"), "100", "100", "3");
        dealHoles(hand, "AsKs", "QhQd", "7c2d");
        hand.handle(new RaiseTo(3, m("3")));
        hand.handle(new RaiseTo(1, m("10")));
        hand.handle(new Fold(2));

        assertThat(hand.actor()).isEmpty();
        assertThat(hand.phase()).as("seat 3 is all-in, seat 1 alone has chips").isEqualTo(Phase.AWAITING_BOARD);
        assertThat(hand.events()).contains(new HandEvent.UncalledBetReturned(1, m("7.00"), m("97.00")));
    }

    @Test
    void outOfTurnActionIsRefused() {
        HoldemHand hand = threeHandedPreflop();

        assertRefused(hand, new Call(1), Refusal.NOT_YOUR_TURN);
        assertRefused(hand, new Fold(2), Refusal.NOT_YOUR_TURN);
    }

    @Test
    void checkFacingABetIsRefused() {
        assertRefused(threeHandedPreflop(), new Check(3), Refusal.CHECK_FACING_BET);
    }

    @Test
    void callWithNothingToCallIsRefused() {
        assertRefused(threeHandedFlop("100", "100", "100"), new Call(1), Refusal.NOTHING_TO_CALL);
    }

    @Test
    void aFoldWhenCheckingIsFreeIsAllowedAndTheNextPlayerActs() {
        HoldemHand hand = threeHandedFlop("100", "100", "100");

        assertThat(hand.legalActions().orElseThrow().canFold()).isTrue();
        assertThat(hand.handle(new Fold(1))).containsExactly(new HandEvent.Folded(1));
        assertThat(hand.actor()).hasValue(2);
    }

    @Test
    void betMoreThanTheStackIsRefused() {
        HoldemHand hand = threeHandedFlop("100", "100", "100");

        assertRefused(hand, new Bet(1, m("99.01")), Refusal.MORE_THAN_STACK);
        hand.handle(new Bet(1, m("99.00")));
        assertThat(hand.seats().get(0).allIn()).isTrue();
    }

    @Test
    void betIntoAnOpenBetAndRaiseWithoutABetAreRefused() {
        HoldemHand hand = threeHandedFlop("100", "100", "100");
        assertRefused(hand, new RaiseTo(1, m("5")), Refusal.NO_BET_TO_RAISE);
        hand.handle(new Bet(1, m("5")));

        assertRefused(hand, new Bet(2, m("10")), Refusal.BET_ALREADY_OPEN);
    }

    @Test
    void actionsAndDealingOutOfPhaseAreRefused() {
        HoldemHand hand = start(blinds("0.50", "1.00"), "100", "100", "100");
        assertRefused(hand, new Call(3), Refusal.NOT_BETTING_NOW);
        assertRefused(hand, new DealBoard(cards("2c7d9h")), Refusal.NOT_DEALING_BOARD);
        assertRefused(hand, new DealHoleCards(7, cards("AsKs")), Refusal.UNKNOWN_SEAT);
        assertRefused(hand, new DealHoleCards(1, cards("AsKsQs")), Refusal.WRONG_CARD_COUNT);
        assertRefused(hand, new DealHoleCards(1, cards("AsAs")), Refusal.CARD_ALREADY_DEALT);
        hand.handle(new DealHoleCards(1, cards("AsKs")));
        assertRefused(hand, new DealHoleCards(1, cards("QhQd")), Refusal.HOLE_CARDS_ALREADY_DEALT);
        assertRefused(hand, new DealHoleCards(2, cards("KsQd")), Refusal.CARD_ALREADY_DEALT);
        hand.handle(new DealHoleCards(2, cards("QhQd")));
        hand.handle(new DealHoleCards(3, cards("7c2d")));
        assertRefused(hand, new DealHoleCards(3, cards("8c3d")), Refusal.NOT_DEALING_HOLE_CARDS);
    }

    @Test
    void boardMustBeTheRightNumberOfUnseenCards() {
        HoldemHand hand = threeHandedPreflop();
        hand.handle(new Call(3));
        hand.handle(new Call(1));
        hand.handle(new Check(2));

        assertThat(hand.boardCardsNeeded()).isEqualTo(3);
        assertRefused(hand, new DealBoard(cards("2c7d")), Refusal.WRONG_CARD_COUNT);
        assertRefused(hand, new DealBoard(cards("2c7dAs")), Refusal.CARD_ALREADY_DEALT);
        assertRefused(hand, new Check(1), Refusal.NOT_BETTING_NOW);
    }

    @Test
    void nothingIsAcceptedOnceTheHandIsOver() {
        HoldemHand hand = threeHandedPreflop();
        hand.handle(new Fold(3));
        hand.handle(new Fold(1));

        assertThat(hand.isComplete()).isTrue();
        assertRefused(hand, new Check(2), Refusal.HAND_COMPLETE);
        assertRefused(hand, new DealBoard(cards("2c7d9h")), Refusal.HAND_COMPLETE);
    }

    @Test
    void potsShowWhatWasGatheredAndSeatsShowTheStreetBets() {
        HoldemHand hand = threeHandedPreflop();
        hand.handle(new RaiseTo(3, m("3")));
        hand.handle(new Call(1));
        hand.handle(new Call(2));
        assertThat(hand.pots()).containsExactly(new Pot(0, m("9.00"), List.of(1, 2, 3)));

        board(hand, "2c7d9h");
        hand.handle(new Bet(1, m("4")));

        assertThat(hand.pots()).containsExactly(new Pot(0, m("9.00"), List.of(1, 2, 3)));
        assertThat(hand.seats().get(0)).isEqualTo(new SeatView(1, m("93.00"), m("4.00"), m("7.00"), false, false));
    }

    static HoldemHand threeHandedPreflop() {
        HoldemHand hand = start(blinds("0.50", "1.00"), "100", "100", "100");
        dealHoles(hand, "AsKs", "QhQd", "7c2d");
        return hand;
    }

    /** Everyone limps and the flop is dealt; seat 1 (small blind) is first to act. */
    static HoldemHand threeHandedFlop(String... stacks) {
        HoldemHand hand = start(blinds("0.50", "1.00"), stacks);
        dealHoles(hand, "AsKs", "QhQd", "7c2d");
        hand.handle(new Call(3));
        hand.handle(new Call(1));
        hand.handle(new Check(2));
        board(hand, "2c8d9h");
        return hand;
    }

    /** Found by the Omaha corpus: the big blind was asked to check although nobody left could call a raise. */
    @Test
    void aBigBlindWhoseOnlyOpponentCannotCoverTheBlindIsNotAskedToAct() {
        HoldemHand hand = start(blinds("0.50", "1.00"), "49.01", "0.65");
        dealHoles(hand, "AsKs", "QhQd");

        hand.handle(new Call(2));

        assertThat(hand.phase()).isEqualTo(Phase.AWAITING_BOARD);
        assertThat(hand.actor()).isEmpty();
    }

    /**
     * Who has something to decide is settled when a street's betting opens (as pokerkit plays it): a big blind who is
     * covered only once the small blind folds still has the option to check.
     */
    @Test
    void aBigBlindCoveredOnlyAfterAFoldStillGetsItsOption() {
        HoldemHand hand = start(blinds("0.10", "0.20"), "2.11", "45.98", "0.19");
        dealHoles(hand, "AsKs", "QhQd", "7c2d");
        hand.handle(new Call(3));
        hand.handle(new Fold(1));

        assertThat(hand.actor()).hasValue(2);
        assertThat(hand.legalActions().orElseThrow().canBetOrRaise()).isFalse();
        hand.handle(new Check(2));
        assertThat(hand.phase()).isEqualTo(Phase.AWAITING_BOARD);
    }
}
