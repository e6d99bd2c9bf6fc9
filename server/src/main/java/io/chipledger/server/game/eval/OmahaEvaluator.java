package io.chipledger.server.game.eval;

/**
 * The best Omaha hand: exactly two hole cards with exactly three board cards. Each board triple's key (rank keys plus
 * suit counters, as {@link PerfectHashEvaluator} sums them) is added up once, then each hole pair's key is added to it
 * and the sum looked up: one addition and one table read per two-plus-three combination (60 for four hole cards and
 * a full board), nothing allocated. A board without three cards of one suit cannot make a flush, so the flush test is
 * skipped for it altogether.
 */
final class OmahaEvaluator {

    private OmahaEvaluator() {
    }

    /**
     * @param hole  two or more distinct card indices (four in Omaha, five in five-card Omaha)
     * @param board three to five distinct card indices, none in {@code hole}
     */
    static int evaluate(int[] hole, int[] board) {
        int holeCount = hole.length;
        int boardCount = board.length;
        boolean boardCanFlush = boardCanFlush(board);
        int best = 0;
        for (int a = 0; a < boardCount - 2; a++) {
            for (int b = a + 1; b < boardCount - 1; b++) {
                long ab = PerfectHashEvaluator.SUIT_COUNTERS_START + PerfectHashEvaluator.CARD_KEYS[board[a]]
                        + PerfectHashEvaluator.CARD_KEYS[board[b]];
                for (int c = b + 1; c < boardCount; c++) {
                    long triple = ab + PerfectHashEvaluator.CARD_KEYS[board[c]];
                    for (int i = 0; i < holeCount - 1; i++) {
                        long withOne = triple + PerfectHashEvaluator.CARD_KEYS[hole[i]];
                        for (int j = i + 1; j < holeCount; j++) {
                            long key = withOne + PerfectHashEvaluator.CARD_KEYS[hole[j]];
                            int strength = boardCanFlush && (key & PerfectHashEvaluator.FLUSH_BITS) != 0
                                    ? PerfectHashEvaluator.flush(key, PerfectHashEvaluator.SUIT_RANK_BITS[board[a]]
                                            | PerfectHashEvaluator.SUIT_RANK_BITS[board[b]]
                                            | PerfectHashEvaluator.SUIT_RANK_BITS[board[c]]
                                            | PerfectHashEvaluator.SUIT_RANK_BITS[hole[i]]
                                            | PerfectHashEvaluator.SUIT_RANK_BITS[hole[j]])
                                    : PerfectHashEvaluator.ranksOnly((int) key);
                            if (strength > best) {
                                best = strength;
                            }
                        }
                    }
                }
            }
        }
        return best;
    }

    /** Whether some suit has three cards on the board: only then can two hole cards complete a flush. */
    private static boolean boardCanFlush(int[] board) {
        int counts = 0;
        for (int card : board) {
            counts += 1 << (4 * (card & 3));
        }
        // Four 4-bit counters; a counter reaches 3 only if bit 0 and bit 1 are both set (the board has at most five).
        return (counts & (counts >>> 1) & 0x1111) != 0 || (counts & 0x4444) != 0;
    }
}
