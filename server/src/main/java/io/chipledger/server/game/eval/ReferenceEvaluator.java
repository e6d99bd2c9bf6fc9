package io.chipledger.server.game.eval;

/**
 * The obvious evaluator: rank a five-card hand by counting ranks and suits, a seven-card hand by trying all 21
 * five-card subsets, and an Omaha hand by trying every two hole cards with every three board cards. Slow but easy to
 * check by eye; the fast evaluators are tested and benchmarked against it.
 *
 * <p>Strength encoding: {@code category << 20 | r1 << 16 | r2 << 12 | r3 << 8 | r4 << 4 | r5}, where r1..r5 are the
 * ranks (0 = deuce .. 12 = ace) in the order that breaks ties. Higher is stronger; equal means a tie.
 */
public final class ReferenceEvaluator {

    private ReferenceEvaluator() {
    }

    /** Strength of five cards given as indices 0..51 ({@code rank * 4 + suit}). */
    public static int evaluate5(int a, int b, int c, int d, int e) {
        int[] cards = {a, b, c, d, e};
        int[] countOfRank = new int[13];
        boolean flush = true;
        int suit = a & 3;
        int rankBits = 0;
        for (int card : cards) {
            countOfRank[card >> 2]++;
            rankBits |= 1 << (card >> 2);
            flush &= (card & 3) == suit;
        }
        int straightHigh = straightHigh(rankBits);
        if (straightHigh >= 0) {
            return encode(flush ? HandCategory.STRAIGHT_FLUSH : HandCategory.STRAIGHT, straightHigh, 0, 0, 0, 0);
        }
        if (flush) {
            return encodeByCount(HandCategory.FLUSH, countOfRank);
        }
        int[] groups = groupSizes(countOfRank);
        HandCategory category;
        if (groups[0] == 4) {
            category = HandCategory.FOUR_OF_A_KIND;
        } else if (groups[0] == 3 && groups[1] == 2) {
            category = HandCategory.FULL_HOUSE;
        } else if (groups[0] == 3) {
            category = HandCategory.THREE_OF_A_KIND;
        } else if (groups[0] == 2 && groups[1] == 2) {
            category = HandCategory.TWO_PAIR;
        } else if (groups[0] == 2) {
            category = HandCategory.ONE_PAIR;
        } else {
            category = HandCategory.HIGH_CARD;
        }
        return encodeByCount(category, countOfRank);
    }

    /** Strength of the best five of seven cards. */
    public static int evaluate7(int[] cards) {
        int best = 0;
        for (int skip1 = 0; skip1 < 7; skip1++) {
            for (int skip2 = skip1 + 1; skip2 < 7; skip2++) {
                int[] five = new int[5];
                int n = 0;
                for (int i = 0; i < 7; i++) {
                    if (i != skip1 && i != skip2) {
                        five[n++] = cards[i];
                    }
                }
                best = Math.max(best, evaluate5(five[0], five[1], five[2], five[3], five[4]));
            }
        }
        return best;
    }

    /** Strength of the best hand of exactly two of the {@code hole} cards and exactly three of the {@code board}. */
    public static int evaluateOmaha(int[] hole, int[] board) {
        int best = 0;
        for (int i = 0; i < hole.length; i++) {
            for (int j = i + 1; j < hole.length; j++) {
                for (int a = 0; a < board.length; a++) {
                    for (int b = a + 1; b < board.length; b++) {
                        for (int c = b + 1; c < board.length; c++) {
                            best = Math.max(best, evaluate5(hole[i], hole[j], board[a], board[b], board[c]));
                        }
                    }
                }
            }
        }
        return best;
    }

    public static HandCategory category(int strength) {
        return HandCategory.values()[strength >>> 20];
    }

    /** High rank of the straight in these rank bits (3 for the wheel A-2-3-4-5), or -1. */
    private static int straightHigh(int rankBits) {
        for (int high = 12; high >= 4; high--) {
            int run = 0b11111 << (high - 4);
            if ((rankBits & run) == run) {
                return high;
            }
        }
        int wheel = 0b1_0000_0000_1111; // ace, 5, 4, 3, 2
        return (rankBits & wheel) == wheel ? 3 : -1;
    }

    /** Sizes of rank groups, largest first. */
    private static int[] groupSizes(int[] countOfRank) {
        int[] sizes = new int[5];
        int n = 0;
        for (int count = 4; count >= 1; count--) {
            for (int rank = 12; rank >= 0; rank--) {
                if (countOfRank[rank] == count) {
                    sizes[n++] = count;
                }
            }
        }
        return sizes;
    }

    /** Tie-break ranks: bigger groups first, higher ranks first within a group size. */
    private static int encodeByCount(HandCategory category, int[] countOfRank) {
        int[] order = new int[5];
        int n = 0;
        for (int count = 4; count >= 1; count--) {
            for (int rank = 12; rank >= 0; rank--) {
                if (countOfRank[rank] == count) {
                    order[n++] = rank;
                }
            }
        }
        return encode(category, order[0], order[1], order[2], order[3], order[4]);
    }

    private static int encode(HandCategory category, int r1, int r2, int r3, int r4, int r5) {
        return category.ordinal() << 20 | r1 << 16 | r2 << 12 | r3 << 8 | r4 << 4 | r5;
    }
}
