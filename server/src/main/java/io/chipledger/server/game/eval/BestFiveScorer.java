package io.chipledger.server.game.eval;

/**
 * Scores the best five cards of a rank multiset (no flush possible) or of one suit's ranks (a flush), in the
 * {@link Strength} encoding. Run only while the lookup tables are built, so it favours plainness over speed.
 */
final class BestFiveScorer {

    private static final int WHEEL = 0b1_0000_0000_1111; // ace, 5, 4, 3, 2

    private BestFiveScorer() {
    }

    /** The best hand made of five or more cards of one suit, given the ranks present as bits (bit r = rank r). */
    static int scoreFlush(int rankBits) {
        int straightHigh = straightHigh(rankBits);
        if (straightHigh >= 0) {
            return Strength.of(HandCategory.STRAIGHT_FLUSH, straightHigh, 0, 0, 0, 0);
        }
        int[] top = highest(rankBits, 5);
        return Strength.of(HandCategory.FLUSH, top[0], top[1], top[2], top[3], top[4]);
    }

    /** The best non-flush hand among five to seven cards, given how many cards of each rank (0..12) there are. */
    static int scoreRanks(int[] countOfRank) {
        int present = 0;
        int quads = -1;
        int trips = -1;
        int secondTrips = -1;
        int pair = -1;
        int secondPair = -1;
        for (int rank = 12; rank >= 0; rank--) {
            int count = countOfRank[rank];
            if (count > 0) {
                present |= 1 << rank;
            }
            if (count == 4) {
                quads = rank;
            } else if (count == 3) {
                if (trips < 0) {
                    trips = rank;
                } else if (secondTrips < 0) {
                    secondTrips = rank;
                }
            } else if (count == 2) {
                if (pair < 0) {
                    pair = rank;
                } else if (secondPair < 0) {
                    secondPair = rank;
                }
            }
        }
        if (quads >= 0) {
            int[] kicker = highest(present & ~(1 << quads), 1);
            return Strength.of(HandCategory.FOUR_OF_A_KIND, quads, kicker[0], 0, 0, 0);
        }
        if (trips >= 0 && (secondTrips >= 0 || pair >= 0)) {
            return Strength.of(HandCategory.FULL_HOUSE, trips, Math.max(secondTrips, pair), 0, 0, 0);
        }
        int straightHigh = straightHigh(present);
        if (straightHigh >= 0) {
            return Strength.of(HandCategory.STRAIGHT, straightHigh, 0, 0, 0, 0);
        }
        if (trips >= 0) {
            int[] kickers = highest(present & ~(1 << trips), 2);
            return Strength.of(HandCategory.THREE_OF_A_KIND, trips, kickers[0], kickers[1], 0, 0);
        }
        if (secondPair >= 0) {
            int[] kicker = highest(present & ~(1 << pair) & ~(1 << secondPair), 1);
            return Strength.of(HandCategory.TWO_PAIR, pair, secondPair, kicker[0], 0, 0);
        }
        if (pair >= 0) {
            int[] kickers = highest(present & ~(1 << pair), 3);
            return Strength.of(HandCategory.ONE_PAIR, pair, kickers[0], kickers[1], kickers[2], 0);
        }
        int[] top = highest(present, 5);
        return Strength.of(HandCategory.HIGH_CARD, top[0], top[1], top[2], top[3], top[4]);
    }

    /** High rank of the best straight in these rank bits (3 for the wheel), or -1. */
    static int straightHigh(int rankBits) {
        for (int high = 12; high >= 4; high--) {
            int run = 0b11111 << (high - 4);
            if ((rankBits & run) == run) {
                return high;
            }
        }
        return (rankBits & WHEEL) == WHEEL ? 3 : -1;
    }

    /** The {@code n} highest ranks set in {@code rankBits}, highest first. */
    private static int[] highest(int rankBits, int n) {
        int[] ranks = new int[n];
        int found = 0;
        for (int rank = 12; rank >= 0 && found < n; rank--) {
            if ((rankBits & 1 << rank) != 0) {
                ranks[found++] = rank;
            }
        }
        if (found < n) {
            throw new IllegalStateException("fewer than " + n + " ranks in " + Integer.toBinaryString(rankBits));
        }
        return ranks;
    }
}
