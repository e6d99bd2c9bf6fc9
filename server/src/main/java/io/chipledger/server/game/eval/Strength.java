package io.chipledger.server.game.eval;

/**
 * The strength int shared with {@link ReferenceEvaluator}: {@code category << 20 | r1 << 16 | r2 << 12 | r3 << 8 | r4 << 4
 * | r5}, ranks in tie-break order, unused places zero. Keeping the reference's exact encoding lets tests compare
 * the fast evaluator with the oracle value for value, not just in order.
 */
final class Strength {

    private static final HandCategory[] CATEGORIES = HandCategory.values();

    private Strength() {
    }

    static int of(HandCategory category, int r1, int r2, int r3, int r4, int r5) {
        return category.ordinal() << 20 | r1 << 16 | r2 << 12 | r3 << 8 | r4 << 4 | r5;
    }

    static HandCategory category(int strength) {
        int ordinal = strength >>> 20;
        if (ordinal >= CATEGORIES.length) {
            throw new IllegalArgumentException("not a hand strength: " + strength);
        }
        return CATEGORIES[ordinal];
    }

    /** The tie-break rank at {@code place} 0..4 (0 = the most significant). */
    static int rank(int strength, int place) {
        return strength >>> (16 - 4 * place) & 0xF;
    }
}
