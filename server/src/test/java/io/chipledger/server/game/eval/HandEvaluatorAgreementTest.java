package io.chipledger.server.game.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast evaluator against {@link ReferenceEvaluator} on millions of random hands from fixed seeds: the same
 * strength for every hand, hence the same order between any two hands, ties included.
 */
class HandEvaluatorAgreementTest {

    private static final int SEVEN_CARD_HANDS = 2_000_000;
    private static final int SIX_CARD_HANDS = 1_000_000;

    @Test
    void randomSevenCardHandsGetTheReferenceStrengthAndOrder() {
        SplittableRandom random = new SplittableRandom(20261125L);
        int[] deck = freshDeck();
        int[] hand = new int[7];
        int previousFast = 0;
        int previousReference = 0;
        long disagreements = 0;
        long orderDisagreements = 0;
        long ties = 0;
        for (int i = 0; i < SEVEN_CARD_HANDS; i++) {
            deal(random, deck, hand);
            int fast = HandEvaluator.evaluate7(hand[0], hand[1], hand[2], hand[3], hand[4], hand[5], hand[6]);
            int reference = ReferenceEvaluator.evaluate7(hand);
            if (fast != reference) {
                disagreements++;
            }
            if (Integer.signum(Integer.compare(fast, previousFast))
                    != Integer.signum(Integer.compare(reference, previousReference))) {
                orderDisagreements++;
            }
            if (reference == previousReference) {
                ties++;
            }
            previousFast = fast;
            previousReference = reference;
        }
        assertThat(disagreements).isZero();
        assertThat(orderDisagreements).isZero();
        assertThat(ties).as("consecutive random hands that tie: the tie case was exercised").isPositive();
    }

    @Test
    void randomSixCardHandsGetTheStrengthOfTheirBestFive() {
        SplittableRandom random = new SplittableRandom(6L);
        int[] deck = freshDeck();
        int[] hand = new int[6];
        long disagreements = 0;
        for (int i = 0; i < SIX_CARD_HANDS; i++) {
            deal(random, deck, hand);
            int fast = HandEvaluator.evaluate6(hand[0], hand[1], hand[2], hand[3], hand[4], hand[5]);
            if (fast != referenceBestOfSix(hand)) {
                disagreements++;
            }
        }
        assertThat(disagreements).isZero();
    }

    @Test
    void theOrderCardsAreGivenInNeverChangesTheStrength() {
        SplittableRandom random = new SplittableRandom(7L);
        int[] deck = freshDeck();
        int[] hand = new int[7];
        for (int i = 0; i < 100_000; i++) {
            deal(random, deck, hand);
            int strength = HandEvaluator.evaluate7(hand[0], hand[1], hand[2], hand[3], hand[4], hand[5], hand[6]);
            shuffle(random, hand);
            assertThat(HandEvaluator.evaluate7(hand[0], hand[1], hand[2], hand[3], hand[4], hand[5], hand[6]))
                    .isEqualTo(strength);
        }
    }

    private static int referenceBestOfSix(int[] six) {
        int best = 0;
        for (int skip = 0; skip < 6; skip++) {
            int[] five = new int[5];
            int n = 0;
            for (int i = 0; i < 6; i++) {
                if (i != skip) {
                    five[n++] = six[i];
                }
            }
            best = Math.max(best, ReferenceEvaluator.evaluate5(five[0], five[1], five[2], five[3], five[4]));
        }
        return best;
    }

    static int[] freshDeck() {
        int[] deck = new int[52];
        for (int i = 0; i < 52; i++) {
            deck[i] = i;
        }
        return deck;
    }

    /** Fills {@code hand} with distinct random cards: a partial Fisher-Yates shuffle of the deck. */
    static void deal(SplittableRandom random, int[] deck, int[] hand) {
        for (int i = 0; i < hand.length; i++) {
            int j = i + random.nextInt(52 - i);
            int card = deck[j];
            deck[j] = deck[i];
            deck[i] = card;
            hand[i] = card;
        }
    }

    private static void shuffle(SplittableRandom random, int[] cards) {
        for (int i = cards.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int card = cards[j];
            cards[j] = cards[i];
            cards[i] = card;
        }
    }
}
