package io.chipledger.server.game.holdem;

import static io.chipledger.server.game.holdem.HandFixture.assertRefused;
import static io.chipledger.server.game.holdem.HandFixture.blinds;
import static io.chipledger.server.game.holdem.HandFixture.board;
import static io.chipledger.server.game.holdem.HandFixture.cards;
import static io.chipledger.server.game.holdem.HandFixture.dealHoles;
import static io.chipledger.server.game.holdem.HandFixture.m;
import static io.chipledger.server.game.holdem.HandFixture.setup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.server.game.Deck;
import io.chipledger.server.game.eval.HandCategory;
import io.chipledger.server.game.holdem.HandCommand.Bet;
import io.chipledger.server.game.holdem.HandCommand.Call;
import io.chipledger.server.game.holdem.HandCommand.Check;
import io.chipledger.server.game.holdem.HandCommand.DealHoleCards;
import io.chipledger.server.game.holdem.HandCommand.Fold;
import io.chipledger.server.game.holdem.HandCommand.RaiseTo;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pot-Limit Omaha on the hold'em engine: four hole cards, bets capped at the pot, two hole cards plus three board. */
class PotLimitOmahaTest {

    private static HoldemHand omaha(String... stacks) {
        return HoldemHand.start(setup(blinds("0.50", "1.00"), stacks).withVariant(Variant.POT_LIMIT_OMAHA_HOLDEM));
    }

    @Test
    void theFirstPlayerInMayRaiseToThreeAndAHalfBigBlindsBeforeTheFlop() {
        HoldemHand hand = omaha("100", "100", "100", "100");
        dealHoles(hand, "AsKsQsJs", "2c3c4c5c", "AhKhQhJh", "2d3d4d5d");

        // Call the big blind (1.00), then raise by the pot then: 0.50 + 1.00 + 1.00 = 2.50, to 3.50.
        assertThat(hand.legalActions()).hasValue(
                new LegalActions(3, true, false, m("1.00"), true, false, m("2.00"), m("3.50")));
    }

    @Test
    void aReraiseMayAddThePotAfterCallingTheRaise() {
        HoldemHand hand = omaha("100", "100", "100", "100");
        dealHoles(hand, "AsKsQsJs", "2c3c4c5c", "AhKhQhJh", "2d3d4d5d");
        hand.handle(new RaiseTo(3, m("3.50")));

        // In the middle 0.50 + 1.00 + 3.50 = 5.00; the button calls 3.50 (8.50) and raises that much: to 12.00.
        assertThat(hand.legalActions()).hasValue(
                new LegalActions(4, true, false, m("3.50"), true, false, m("6.00"), m("12.00")));
        hand.handle(new RaiseTo(4, m("12.00")));
        // The small blind owes 11.50: 17.00 in the middle, 28.50 after calling, so up to 40.50.
        assertThat(hand.legalActions().orElseThrow().maxTo()).isEqualTo(m("40.50"));
    }

    @Test
    void afterTheFlopTheLargestBetIsThePotAndARaiseAboveThePotIsRefusedWithTheLimit() {
        HoldemHand hand = omaha("100", "100", "100");
        dealHoles(hand, "AsKsQsJs", "2c3c4c5c", "AhKhQhJh");
        hand.handle(new Call(3));
        hand.handle(new Call(1));
        hand.handle(new Check(2));
        board(hand, "7d8d9c");

        assertThat(hand.legalActions().orElseThrow().maxTo()).isEqualTo(m("3.00"));
        assertRefused(hand, new Bet(1, m("3.01")), Refusal.ABOVE_LIMIT);
        assertThatThrownBy(() -> hand.handle(new Bet(1, m("3.01")))).hasMessageContaining("pot limit")
                .hasMessageContaining("3.00");
        hand.handle(new Bet(1, m("3.00")));
        // 6.00 in the middle, 9.00 after calling the 3.00: a raise to 12.00.
        assertThat(hand.legalActions().orElseThrow().maxTo()).isEqualTo(m("12.00"));
        assertRefused(hand, new RaiseTo(2, m("12.01")), Refusal.ABOVE_LIMIT);
        assertRefused(hand, new RaiseTo(2, m("99.01")), Refusal.MORE_THAN_STACK);
    }

    @Test
    void aStackSmallerThanThePotIsTheLimit() {
        HoldemHand hand = omaha("100", "100", "2.75");
        dealHoles(hand, "AsKsQsJs", "2c3c4c5c", "AhKhQhJh");

        assertThat(hand.legalActions()).hasValue(
                new LegalActions(3, true, false, m("1.00"), true, false, m("2.00"), m("2.75")));
    }

    @Test
    void anOmahaPlayerIsDealtFourHoleCards() {
        HoldemHand hand = omaha("100", "100");

        assertRefused(hand, new DealHoleCards(1, cards("AsKs")), Refusal.WRONG_CARD_COUNT);
        List<HandEvent> dealt = Dealer.dealHoleCards(hand, new Deck(new SplittableRandom(21)));
        assertThat(dealt).filteredOn(e -> e instanceof HandEvent.HoleCardsDealt)
                .allSatisfy(e -> assertThat(((HandEvent.HoleCardsDealt) e).cards()).hasSize(4));
    }

    @Test
    void aHandUsesExactlyTwoHoleCardsSoOneHeartWithFourOnTheBoardIsNoFlush() {
        HoldemHand hand = omaha("100", "100");
        // Seat 1 has one heart (a flush in Texas hold'em); seat 2 has two small hearts.
        dealHoles(hand, "Jh2s3d4c", "5h6h8d9c");
        hand.handle(new Call(2));
        hand.handle(new Check(1));
        board(hand, "AhKhQh");
        hand.handle(new Check(1));
        hand.handle(new Check(2));
        board(hand, "2h");
        hand.handle(new Check(1));
        hand.handle(new Check(2));
        board(hand, "7c");
        hand.handle(new Check(1));
        List<HandEvent> events = hand.handle(new Check(2));

        assertThat(events).filteredOn(e -> e instanceof HandEvent.HandShown).map(e -> (HandEvent.HandShown) e)
                .anySatisfy(shown -> assertThat(shown.category()).isEqualTo(HandCategory.FLUSH))
                .anySatisfy(shown -> assertThat(shown.category()).isEqualTo(HandCategory.ONE_PAIR));
        assertThat(events).contains(new HandEvent.PotAwarded(0, 2, m("2.00"), false, m("101.00")));
        assertThat(hand.stack(2)).isEqualTo(m("101.00"));
    }

    @Test
    void twoOmahaHandsOfTheSameRanksSplitThePotAndTheOddCentGoesLeftOfTheButton() {
        HoldemHand hand = HoldemHand.start(setup(blinds("0.50", "1.00"), "100", "100", "100")
                .withVariant(Variant.POT_LIMIT_OMAHA_HOLDEM).withMuckLosingHands(false));
        dealHoles(hand, "AsKd7c2h", "AdKs7h2c", "3c4d9s9h");
        hand.handle(new RaiseTo(3, m("2.01")));
        hand.handle(new Call(1));
        hand.handle(new Call(2));
        board(hand, "AhKhTd");
        hand.handle(new Check(1));
        hand.handle(new Check(2));
        hand.handle(new Check(3));
        board(hand, "5c");
        hand.handle(new Check(1));
        hand.handle(new Check(2));
        hand.handle(new Check(3));
        board(hand, "Jc");
        hand.handle(new Check(1));
        hand.handle(new Check(2));
        List<HandEvent> events = hand.handle(new Check(3));

        // 6.03 between two Aces-and-Kings: 3.02 to seat 1 (first left of the button), 3.01 to seat 2.
        assertThat(events).contains(new HandEvent.PotAwarded(0, 1, m("3.02"), true, m("101.01")),
                new HandEvent.PotAwarded(0, 2, m("3.01"), false, m("101.00")));
    }

    @Test
    void aFoldWhenCheckingIsFreeEndsAHeadsUpOmahaHand() {
        HoldemHand hand = omaha("100", "100");
        dealHoles(hand, "AsKsQsJs", "2c3c4c5c");
        hand.handle(new Call(2));

        hand.handle(new Fold(1));
        assertThat(hand.isComplete()).isTrue();
    }
}
