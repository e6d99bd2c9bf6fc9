package io.chipledger.server.game.eval;

import java.util.Arrays;

/**
 * Strength of the best non-flush five among five to seven cards, looked up by the sum of one key per card rank. The
 * keys make that sum unique for every rank multiset (at most four of a rank, at most seven cards), so a sum names its
 * multiset; a row-displacement perfect hash then packs the 73,775 sparse sums (up to about 33 million) into a table
 * with no empty slot, small enough to stay in the L2 cache.
 */
final class RankSumTable {

    /**
     * Per-rank keys, deuce first. These are OMPEval's (zekyll/OMPEval, ISC licence): chosen so that every multiset of
     * zero to seven cards has its own sum and the sums spread evenly enough to pack with no gap. {@link #build()}
     * re-checks uniqueness, so a mistyped key fails at class init instead of ranking hands wrongly.
     */
    static final int[] RANK_KEYS = {
        0x2000, 0x8001, 0x11000, 0x3a000, 0x91000, 0x176005, 0x366000,
        0x41a013, 0x47802e, 0x479068, 0x48c0e4, 0x48f211, 0x494493
    };

    /** A sum's row is {@code sum >>> ROW_SHIFT}; each row is shifted as a block to fit between the others. */
    static final int ROW_SHIFT = 11;

    private static final int MIN_CARDS = 5;
    private static final int MAX_CARDS = 7;

    /** Added to a sum to find its slot in {@link #strengths}; indexed by row. */
    final int[] rowOffsets;
    final int[] strengths;

    private RankSumTable(int[] rowOffsets, int[] strengths) {
        this.rowOffsets = rowOffsets;
        this.strengths = strengths;
    }

    int lookup(int rankSum) {
        return strengths[rankSum + rowOffsets[rankSum >>> ROW_SHIFT]];
    }

    static RankSumTable build() {
        long[] entries = Multisets.scoreAll();
        int n = entries.length;
        int rowCount = (sumOf(entries[n - 1]) >>> ROW_SHIFT) + 1;
        int[] rowStart = new int[rowCount + 1];
        for (long entry : entries) {
            rowStart[(sumOf(entry) >>> ROW_SHIFT) + 1]++;
        }
        for (int row = 0; row < rowCount; row++) {
            rowStart[row + 1] += rowStart[row];
        }
        int[] rowsByDensity = rowsFullestFirst(rowStart, rowCount);
        int columnMask = (1 << ROW_SHIFT) - 1;
        FreeSlots free = new FreeSlots(2 * n + (2 << ROW_SHIFT));
        int[] rowOffsets = new int[rowCount];
        int[] strengths = new int[free.capacity()];
        int[] columns = new int[1 << ROW_SHIFT];
        int size = 0;
        for (int row : rowsByDensity) {
            int from = rowStart[row];
            int count = rowStart[row + 1] - from;
            for (int i = 0; i < count; i++) {
                columns[i] = sumOf(entries[from + i]) & columnMask;
            }
            int base = free.firstFit(columns, count);
            for (int i = 0; i < count; i++) {
                int slot = base + columns[i];
                free.take(slot);
                strengths[slot] = (int) entries[from + i];
                size = Math.max(size, slot + 1);
            }
            rowOffsets[row] = base - (row << ROW_SHIFT);
        }
        return new RankSumTable(rowOffsets, Arrays.copyOf(strengths, size));
    }

    /**
     * Non-empty rows, fullest first (a counting sort, no boxing: this runs at class init in a cold JVM). The fullest
     * rows are the hardest to place; the sparse ones then fill the holes they leave.
     */
    private static int[] rowsFullestFirst(int[] rowStart, int rowCount) {
        int[] rowsWithCount = new int[(1 << ROW_SHIFT) + 2];
        for (int row = 0; row < rowCount; row++) {
            rowsWithCount[rowStart[row + 1] - rowStart[row]]++;
        }
        int[] firstOfCount = new int[rowsWithCount.length];
        for (int count = rowsWithCount.length - 2, at = 0; count >= 1; count--) {
            firstOfCount[count] = at;
            at += rowsWithCount[count];
        }
        int[] rows = new int[rowCount - rowsWithCount[0]];
        for (int row = 0; row < rowCount; row++) {
            int count = rowStart[row + 1] - rowStart[row];
            if (count > 0) {
                rows[firstOfCount[count]++] = row;
            }
        }
        return rows;
    }

    private static int sumOf(long entry) {
        return (int) (entry >>> 32);
    }

    /** Every rank multiset of five to seven cards as {@code sum << 32 | strength}, ascending by sum. */
    private static final class Multisets {
        private final long[] entries = new long[1 << 17];
        private int size;

        static long[] scoreAll() {
            Multisets all = new Multisets();
            all.enumerate(new int[13], 0, 0);
            long[] sorted = Arrays.copyOf(all.entries, all.size);
            Arrays.sort(sorted);
            for (int i = 1; i < sorted.length; i++) {
                if (sumOf(sorted[i]) == sumOf(sorted[i - 1])) {
                    throw new IllegalStateException("rank keys are not unique: two hands sum to " + sumOf(sorted[i]));
                }
            }
            return sorted;
        }

        private void enumerate(int[] countOfRank, int rank, int cards) {
            if (rank == 13) {
                if (cards >= MIN_CARDS) {
                    int sum = 0;
                    for (int r = 0; r < 13; r++) {
                        sum += countOfRank[r] * RANK_KEYS[r];
                    }
                    entries[size++] = (long) sum << 32 | BestFiveScorer.scoreRanks(countOfRank);
                }
                return;
            }
            for (int count = 0; count <= 4 && cards + count <= MAX_CARDS; count++) {
                countOfRank[rank] = count;
                enumerate(countOfRank, rank + 1, cards + count);
            }
            countOfRank[rank] = 0;
        }
    }

    /** A bit set of free slots that tests 64 candidate placements of a row at once. */
    private static final class FreeSlots {
        private final long[] words;
        private int firstFree;

        FreeSlots(int capacity) {
            words = new long[(capacity >> 6) + 2];
            Arrays.fill(words, -1L);
        }

        int capacity() {
            return (words.length - 2) << 6;
        }

        void take(int slot) {
            words[slot >> 6] &= ~(1L << slot);
            while ((words[firstFree >> 6] & 1L << firstFree) == 0) {
                firstFree++;
            }
        }

        /** The lowest base at which every {@code base + column} is free; columns ascending. */
        int firstFit(int[] columns, int count) {
            for (int base = Math.max(0, firstFree - columns[0]); base + columns[count - 1] < capacity(); base += 64) {
                long fits = -1L;
                for (int i = 0; i < count && fits != 0; i++) {
                    fits &= sixtyFourFrom(base + columns[i]);
                }
                if (fits != 0) {
                    return base + Long.numberOfTrailingZeros(fits);
                }
            }
            throw new IllegalStateException("rank table does not pack into " + capacity() + " slots");
        }

        /** Bit i tells whether slot {@code position + i} is free. */
        private long sixtyFourFrom(int position) {
            int word = position >> 6;
            int shift = position & 63;
            long low = words[word] >>> shift;
            return shift == 0 ? low : low | words[word + 1] << (64 - shift);
        }
    }
}
