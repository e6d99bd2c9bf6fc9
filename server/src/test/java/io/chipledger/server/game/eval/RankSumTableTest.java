package io.chipledger.server.game.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The rank keys and the perfect hash that packs their sums. */
class RankSumTableTest {

    /** Rank multisets of five, six and seven cards with at most four of a rank: 6,175 + 18,395 + 49,205. */
    private static final int MULTISETS_OF_FIVE_TO_SEVEN = 73_775;

    @Test
    void everyRankMultisetOfUpToSevenCardsHasItsOwnKeySum() {
        int[] sums = new int[1 << 17];
        int n = collectSums(new int[13], 0, 0, sums, 0);
        int[] sorted = Arrays.copyOf(sums, n);
        Arrays.sort(sorted);
        assertThat(Arrays.stream(sorted).distinct().count()).isEqualTo(n);
    }

    @Test
    void perfectHashPacksEveryMultisetWithoutAGap() {
        RankSumTable table = RankSumTable.build();
        assertThat(table.strengths).hasSize(MULTISETS_OF_FIVE_TO_SEVEN);
        // Strength 0 would be a high card of five deuces: no real hand has it, so no slot is left empty.
        assertThat(table.strengths).doesNotContain(0);
    }

    @Test
    void lookupReturnsTheScoreOfTheMultisetWhoseSumItIsGiven() {
        RankSumTable table = RankSumTable.build();
        int[] twoPairWithSevenKicker = new int[13];
        twoPairWithSevenKicker[11] = 2; // kings
        twoPairWithSevenKicker[10] = 2; // queens
        twoPairWithSevenKicker[5] = 2; // sevens
        twoPairWithSevenKicker[0] = 1; // a deuce
        int sum = 0;
        for (int rank = 0; rank < 13; rank++) {
            sum += twoPairWithSevenKicker[rank] * RankSumTable.RANK_KEYS[rank];
        }
        assertThat(table.lookup(sum)).isEqualTo(Strength.of(HandCategory.TWO_PAIR, 11, 10, 5, 0, 0));
    }

    /** All multisets of zero to seven cards (at most four per rank); returns how many were written. */
    private static int collectSums(int[] countOfRank, int rank, int cards, int[] sums, int n) {
        if (rank == 13) {
            int sum = 0;
            for (int r = 0; r < 13; r++) {
                sum += countOfRank[r] * RankSumTable.RANK_KEYS[r];
            }
            sums[n] = sum;
            return n + 1;
        }
        for (int count = 0; count <= 4 && cards + count <= 7; count++) {
            countOfRank[rank] = count;
            n = collectSums(countOfRank, rank + 1, cards + count, sums, n);
        }
        countOfRank[rank] = 0;
        return n;
    }
}
