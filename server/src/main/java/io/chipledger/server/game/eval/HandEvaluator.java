package io.chipledger.server.game.eval;

import io.chipledger.server.game.Card;
import java.util.List;

/**
 * Ranks poker hands: the entry point the rules engine calls. Cards are indices 0..51 ({@code rank * 4 + suit}, see
 * {@link io.chipledger.server.game.Card#index()}). A strength is an int: higher is stronger, equal is a tie; its value
 * is exactly {@link ReferenceEvaluator}'s for the same cards.
 *
 * <p>The {@code evaluate} methods allocate nothing and check nothing: they expect distinct cards in 0..51, as a deck
 * deals them (an index outside 0..51 throws, a repeated card gives a meaningless strength). {@link #describe} checks
 * its input and is meant for showdown display and hand histories, not for hot loops.
 */
public final class HandEvaluator {

    private HandEvaluator() {
    }

    /** Strength of the best five of seven cards. */
    public static int evaluate7(int c0, int c1, int c2, int c3, int c4, int c5, int c6) {
        return PerfectHashEvaluator.evaluate7(c0, c1, c2, c3, c4, c5, c6);
    }

    /** Strength of the best five of six cards. */
    public static int evaluate6(int c0, int c1, int c2, int c3, int c4, int c5) {
        return PerfectHashEvaluator.evaluate6(c0, c1, c2, c3, c4, c5);
    }

    /** Strength of exactly five cards. */
    public static int evaluate5(int c0, int c1, int c2, int c3, int c4) {
        return PerfectHashEvaluator.evaluate5(c0, c1, c2, c3, c4);
    }

    /**
     * Strength of the best Omaha hand: exactly two of the {@code hole} cards (four in Omaha, five in five-card Omaha)
     * with exactly three of the {@code board} (three to five cards). Allocates nothing.
     */
    public static int evaluateOmaha(int[] hole, int[] board) {
        return OmahaEvaluator.evaluate(hole, board);
    }

    /** The category of a strength returned by this class. */
    public static HandCategory category(int strength) {
        return Strength.category(strength);
    }

    /**
     * The hand for showdown display and hand histories: best five in display order and a name such as
     * {@code "a flush, Ace high"}. Allocates; not for hot loops.
     *
     * @param cards five to seven distinct card indices 0..51
     * @throws IllegalArgumentException for fewer than five or more than seven cards, an index out of range or a
     *     repeated card
     */
    public static HandValue describe(int... cards) {
        return HandDescriber.describe(cards.clone());
    }

    /** As {@link #describe(int...)}, from cards. */
    public static HandValue describe(List<Card> cards) {
        return HandDescriber.describe(cards.stream().mapToInt(Card::index).toArray());
    }

    /**
     * The best Omaha hand for display, as {@link #describe(int...)} words it: the five cards are two of {@code hole}
     * and three of {@code board}. Allocates; not for hot loops.
     *
     * @throws IllegalArgumentException for fewer than two hole cards, a board of fewer than three or more than five
     *     cards, or a card given twice
     */
    public static HandValue describeOmaha(List<Card> hole, List<Card> board) {
        return HandDescriber.describeOmaha(hole.stream().mapToInt(Card::index).toArray(),
                board.stream().mapToInt(Card::index).toArray());
    }
}
