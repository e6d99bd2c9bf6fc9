package io.chipledger.server.game.eval;

/**
 * Ranks poker hands: the entry point the rules engine calls. Cards are indices 0..51 ({@code rank * 4 + suit}, see
 * {@link io.chipledger.server.game.Card#index()}). A strength is an int: higher is stronger, equal is a tie.
 */
public final class HandEvaluator {

    private HandEvaluator() {
    }

    /** Strength of the best five of seven cards. */
    public static int evaluate7(int c0, int c1, int c2, int c3, int c4, int c5, int c6) {
        return ReferenceEvaluator.evaluate7(new int[] {c0, c1, c2, c3, c4, c5, c6});
    }

    /** Strength of exactly five cards. */
    public static int evaluate5(int c0, int c1, int c2, int c3, int c4) {
        return ReferenceEvaluator.evaluate5(c0, c1, c2, c3, c4);
    }

    /** The category of a strength returned by this class. */
    public static HandCategory category(int strength) {
        return ReferenceEvaluator.category(strength);
    }
}
