package io.chipledger.server.game.eval;

/**
 * The fast evaluator: one table lookup after adding up a 64-bit key per card, with nothing allocated. The low 32
 * bits of the sum are the {@link RankSumTable} rank-key sum; above them a 4-bit counter per suit, started at 3 so
 * that bit 3 of a counter is set exactly when its suit holds five or more cards. A flush (about 3% of random
 * seven-card hands) takes a second path: an OR of per-suit rank bits indexes a table of every 13-bit rank set.
 *
 * <p>With at most seven cards a flush can never sit beside a full house or four of a kind, so whenever a suit has five
 * cards the flush table's answer (flush or straight flush) is the hand's best.
 */
final class PerfectHashEvaluator {

    private static final int SUIT_SHIFT = 32;
    static final long SUIT_COUNTERS_START = 0x3333L << SUIT_SHIFT;
    static final long FLUSH_BITS = 0x8888L << SUIT_SHIFT;

    /** Per card: its rank key plus one in its suit's counter. */
    static final long[] CARD_KEYS = new long[52];
    /** Per card: bit {@code 16 * suit + rank}, so one suit's rank set is a 16-bit slice of the OR. */
    static final long[] SUIT_RANK_BITS = new long[52];
    private static final int[] ROW_OFFSETS;
    private static final int[] RANK_STRENGTHS;
    private static final int[] FLUSH_STRENGTHS = new int[1 << 13];

    static {
        for (int card = 0; card < 52; card++) {
            int rank = card >> 2;
            int suit = card & 3;
            CARD_KEYS[card] = RankSumTable.RANK_KEYS[rank] + (1L << (SUIT_SHIFT + 4 * suit));
            SUIT_RANK_BITS[card] = 1L << (16 * suit + rank);
        }
        RankSumTable table = RankSumTable.build();
        ROW_OFFSETS = table.rowOffsets;
        RANK_STRENGTHS = table.strengths;
        for (int rankBits = 0; rankBits < FLUSH_STRENGTHS.length; rankBits++) {
            if (Integer.bitCount(rankBits) >= 5) {
                FLUSH_STRENGTHS[rankBits] = BestFiveScorer.scoreFlush(rankBits);
            }
        }
    }

    private PerfectHashEvaluator() {
    }

    static int evaluate5(int c0, int c1, int c2, int c3, int c4) {
        long key = SUIT_COUNTERS_START + CARD_KEYS[c0] + CARD_KEYS[c1] + CARD_KEYS[c2] + CARD_KEYS[c3] + CARD_KEYS[c4];
        if ((key & FLUSH_BITS) != 0) {
            return flush(key, SUIT_RANK_BITS[c0] | SUIT_RANK_BITS[c1] | SUIT_RANK_BITS[c2] | SUIT_RANK_BITS[c3]
                    | SUIT_RANK_BITS[c4]);
        }
        return ranksOnly((int) key);
    }

    static int evaluate6(int c0, int c1, int c2, int c3, int c4, int c5) {
        long key = SUIT_COUNTERS_START + CARD_KEYS[c0] + CARD_KEYS[c1] + CARD_KEYS[c2] + CARD_KEYS[c3] + CARD_KEYS[c4]
                + CARD_KEYS[c5];
        if ((key & FLUSH_BITS) != 0) {
            return flush(key, SUIT_RANK_BITS[c0] | SUIT_RANK_BITS[c1] | SUIT_RANK_BITS[c2] | SUIT_RANK_BITS[c3]
                    | SUIT_RANK_BITS[c4] | SUIT_RANK_BITS[c5]);
        }
        return ranksOnly((int) key);
    }

    static int evaluate7(int c0, int c1, int c2, int c3, int c4, int c5, int c6) {
        long key = SUIT_COUNTERS_START + CARD_KEYS[c0] + CARD_KEYS[c1] + CARD_KEYS[c2] + CARD_KEYS[c3] + CARD_KEYS[c4]
                + CARD_KEYS[c5] + CARD_KEYS[c6];
        if ((key & FLUSH_BITS) != 0) {
            return flush(key, SUIT_RANK_BITS[c0] | SUIT_RANK_BITS[c1] | SUIT_RANK_BITS[c2] | SUIT_RANK_BITS[c3]
                    | SUIT_RANK_BITS[c4] | SUIT_RANK_BITS[c5] | SUIT_RANK_BITS[c6]);
        }
        return ranksOnly((int) key);
    }

    static int ranksOnly(int rankSum) {
        return RANK_STRENGTHS[rankSum + ROW_OFFSETS[rankSum >>> RankSumTable.ROW_SHIFT]];
    }

    static int flush(long key, long suitRankBits) {
        // The flush bit of suit s is bit SUIT_SHIFT + 4 * s + 3; with at most seven cards only one suit can have it.
        int suit = (Long.numberOfTrailingZeros(key & FLUSH_BITS) - SUIT_SHIFT - 3) >>> 2;
        return FLUSH_STRENGTHS[(int) (suitRankBits >>> (16 * suit)) & 0x1FFF];
    }
}
