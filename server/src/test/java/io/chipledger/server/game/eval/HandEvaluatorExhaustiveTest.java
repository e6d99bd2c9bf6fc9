package io.chipledger.server.game.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/**
 * Every five-card and every seven-card hand, against the counts every poker combinatorics table gives. Category
 * counts are listed strongest first: straight flush, four of a kind, full house, flush, straight, three of a kind,
 * two pair, one pair, high card.
 */
class HandEvaluatorExhaustiveTest {

    @Test
    void everyFiveCardHandMatchesTheReferenceAndTheKnownCounts() {
        long[] byCategory = new long[9];
        BitSet distinct = new BitSet();
        long hands = 0;
        long disagreements = 0;
        for (int a = 0; a < 52; a++) {
            for (int b = a + 1; b < 52; b++) {
                for (int c = b + 1; c < 52; c++) {
                    for (int d = c + 1; d < 52; d++) {
                        for (int e = d + 1; e < 52; e++) {
                            int strength = HandEvaluator.evaluate5(a, b, c, d, e);
                            if (strength != ReferenceEvaluator.evaluate5(a, b, c, d, e)) {
                                disagreements++;
                            }
                            byCategory[HandEvaluator.category(strength).ordinal()]++;
                            distinct.set(strength);
                            hands++;
                        }
                    }
                }
            }
        }
        assertThat(hands).isEqualTo(2_598_960);
        assertThat(disagreements).isZero();
        assertThat(distinct.cardinality()).isEqualTo(7_462);
        assertThat(strongestFirst(byCategory))
                .containsExactly(40, 624, 3_744, 5_108, 10_200, 54_912, 123_552, 1_098_240, 1_302_540);
    }

    @Test
    void everySevenCardHandFallsIntoTheKnownCounts() {
        long[] byCategory = new long[9];
        BitSet distinct = new BitSet();
        long hands = 0;
        for (int a = 0; a < 52; a++) {
            for (int b = a + 1; b < 52; b++) {
                for (int c = b + 1; c < 52; c++) {
                    for (int d = c + 1; d < 52; d++) {
                        for (int e = d + 1; e < 52; e++) {
                            for (int f = e + 1; f < 52; f++) {
                                for (int g = f + 1; g < 52; g++) {
                                    int strength = HandEvaluator.evaluate7(a, b, c, d, e, f, g);
                                    byCategory[HandEvaluator.category(strength).ordinal()]++;
                                    distinct.set(strength);
                                }
                                hands += 51 - f;
                            }
                        }
                    }
                }
            }
        }
        assertThat(hands).isEqualTo(133_784_560);
        assertThat(distinct.cardinality()).isEqualTo(4_824);
        assertThat(strongestFirst(byCategory)).containsExactly(
                41_584, 224_848, 3_473_184, 4_047_644, 6_180_020, 6_461_620, 31_433_400, 58_627_800, 23_294_460);
    }

    private static long[] strongestFirst(long[] byCategory) {
        long[] reversed = new long[byCategory.length];
        for (int i = 0; i < byCategory.length; i++) {
            reversed[i] = byCategory[byCategory.length - 1 - i];
        }
        return reversed;
    }
}
