package io.chipledger.server.game.eval;

import io.chipledger.server.game.Card;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a {@link HandValue}: checks the cards, picks the best five and orders them for display (groups first,
 * biggest group first, then by rank; straights from the top, the wheel ending on its Ace), and names the hand the
 * way PokerStars hand histories do ("a full house, Kings full of Nines", "a straight, Ace to Five").
 */
final class HandDescriber {

    private static final String[] SINGULAR = {
        "Deuce", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Jack", "Queen", "King", "Ace"
    };
    private static final String[] PLURAL = {
        "Deuces", "Threes", "Fours", "Fives", "Sixes", "Sevens", "Eights", "Nines", "Tens", "Jacks", "Queens",
        "Kings", "Aces"
    };
    private static final int ACE = 12;
    private static final int WHEEL_HIGH = 3;

    private HandDescriber() {
    }

    static HandValue describe(int[] cards) {
        requireDealable(cards);
        int strength = strengthOf(cards);
        List<Card> five = bestFive(highestFirst(cards), strength);
        HandCategory category = Strength.category(strength);
        return new HandValue(category, strength, displayOrder(five, category, strength), name(category, strength));
    }

    /**
     * The best two of {@code hole} with three of {@code board}, described as those five cards alone. When several
     * combinations tie, the one with the highest cards is shown, whatever order the caller gave them in.
     */
    static HandValue describeOmaha(int[] hole, int[] board) {
        if (hole.length < 2 || board.length < 3 || board.length > 5) {
            throw new IllegalArgumentException("an Omaha hand needs two or more hole cards and a board of three to five,"
                    + " not " + hole.length + " and " + board.length);
        }
        int[] all = new int[hole.length + board.length];
        System.arraycopy(hole, 0, all, 0, hole.length);
        System.arraycopy(board, 0, all, hole.length, board.length);
        requireDistinct(all);
        int[] h = highestFirst(hole);
        int[] b = highestFirst(board);
        int strength = OmahaEvaluator.evaluate(h, b);
        for (int i = 0; i < h.length; i++) {
            for (int j = i + 1; j < h.length; j++) {
                for (int x = 0; x < b.length; x++) {
                    for (int y = x + 1; y < b.length; y++) {
                        for (int z = y + 1; z < b.length; z++) {
                            if (HandEvaluator.evaluate5(h[i], h[j], b[x], b[y], b[z]) == strength) {
                                return describe(new int[] {h[i], h[j], b[x], b[y], b[z]});
                            }
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no two-plus-three combination reaches strength " + strength);
    }

    private static void requireDealable(int[] cards) {
        if (cards.length < 5 || cards.length > 7) {
            throw new IllegalArgumentException("a hand has five to seven cards, not " + cards.length);
        }
        requireDistinct(cards);
    }

    private static void requireDistinct(int[] cards) {
        long seen = 0;
        for (int card : cards) {
            Card.of(card); // throws for an index outside 0..51
            if ((seen & 1L << card) != 0) {
                throw new IllegalArgumentException("card " + Card.of(card) + " appears twice");
            }
            seen |= 1L << card;
        }
    }

    private static int strengthOf(int[] c) {
        return switch (c.length) {
            case 5 -> HandEvaluator.evaluate5(c[0], c[1], c[2], c[3], c[4]);
            case 6 -> HandEvaluator.evaluate6(c[0], c[1], c[2], c[3], c[4], c[5]);
            default -> HandEvaluator.evaluate7(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
        };
    }

    /** The cards by index, highest first: rank, then suit (spades, hearts, diamonds, clubs). */
    private static int[] highestFirst(int[] cards) {
        int[] sorted = cards.clone();
        Arrays.sort(sorted);
        for (int i = 0, j = sorted.length - 1; i < j; i++, j--) {
            int card = sorted[i];
            sorted[i] = sorted[j];
            sorted[j] = card;
        }
        return sorted;
    }

    /**
     * The first five-card subset that reaches the hand's strength. Given the cards highest first, that is the five
     * with the highest cards when several tie (the Nines of spades and diamonds rather than of clubs), whatever order
     * the caller dealt them in.
     */
    private static List<Card> bestFive(int[] c, int strength) {
        int n = c.length;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                for (int d = b + 1; d < n; d++) {
                    for (int e = d + 1; e < n; e++) {
                        for (int f = e + 1; f < n; f++) {
                            if (HandEvaluator.evaluate5(c[a], c[b], c[d], c[e], c[f]) == strength) {
                                return List.of(Card.of(c[a]), Card.of(c[b]), Card.of(c[d]), Card.of(c[e]),
                                        Card.of(c[f]));
                            }
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no five of " + n + " cards reach strength " + strength);
    }

    private static List<Card> displayOrder(List<Card> five, HandCategory category, int strength) {
        List<Card> ordered = new ArrayList<>(five);
        boolean straight = category == HandCategory.STRAIGHT || category == HandCategory.STRAIGHT_FLUSH;
        if (straight && Strength.rank(strength, 0) == WHEEL_HIGH) {
            ordered.sort(Comparator.comparingInt((Card card) -> card.rank() == ACE ? -1 : card.rank()).reversed());
            return ordered;
        }
        int[] countOfRank = new int[13];
        five.forEach(card -> countOfRank[card.rank()]++);
        ordered.sort(Comparator.comparingInt((Card card) -> countOfRank[card.rank()])
                .thenComparingInt(Card::rank)
                .thenComparingInt(Card::suit)
                .reversed());
        return ordered;
    }

    private static String name(HandCategory category, int strength) {
        int first = Strength.rank(strength, 0);
        int second = Strength.rank(strength, 1);
        String phrase = category.phrase();
        return switch (category) {
            case HIGH_CARD -> phrase + " " + SINGULAR[first];
            case ONE_PAIR -> phrase + " of " + PLURAL[first];
            case TWO_PAIR -> phrase + ", " + PLURAL[first] + " and " + PLURAL[second];
            case THREE_OF_A_KIND, FOUR_OF_A_KIND -> phrase + ", " + PLURAL[first];
            case STRAIGHT -> phrase + ", " + straightSpan(first);
            case FLUSH -> phrase + ", " + SINGULAR[first] + " high";
            case FULL_HOUSE -> phrase + ", " + PLURAL[first] + " full of " + PLURAL[second];
            case STRAIGHT_FLUSH -> first == ACE ? "a royal flush" : phrase + ", " + straightSpan(first);
        };
    }

    /** "Ten to Ace"; the wheel is "Ace to Five". */
    private static String straightSpan(int high) {
        String low = high == WHEEL_HIGH ? SINGULAR[ACE] : SINGULAR[high - 4];
        return low + " to " + SINGULAR[high];
    }
}
