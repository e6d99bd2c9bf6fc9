package io.chipledger.server.bench;

import io.chipledger.server.game.eval.HandEvaluator;
import io.chipledger.server.game.eval.ReferenceEvaluator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Seven-card evaluations per second on random hands dealt in advance, one thread, the fast evaluator beside the
 * reference. Each reported operation is one hand evaluated.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SevenCardEvaluationBenchmark {

    /** Enough hands that branch prediction cannot learn them, few enough (450 KB) to leave the tables in cache. */
    static final int HANDS = 1 << 14;

    /** Hand i is {@code cards[7 * i] .. cards[7 * i + 6]}. */
    private int[] cards;
    private int[][] hands;

    @Setup
    public void dealHands() {
        SplittableRandom random = new SplittableRandom(2026L);
        cards = new int[7 * HANDS];
        hands = new int[HANDS][7];
        int[] deck = new int[52];
        for (int i = 0; i < HANDS; i++) {
            for (int c = 0; c < 52; c++) {
                deck[c] = c;
            }
            for (int k = 0; k < 7; k++) {
                int j = k + random.nextInt(52 - k);
                int card = deck[j];
                deck[j] = deck[k];
                deck[k] = card;
                cards[7 * i + k] = card;
                hands[i][k] = card;
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(HANDS)
    public long fastEvaluator() {
        int[] c = cards;
        long sum = 0;
        for (int k = 0; k < c.length; k += 7) {
            sum += HandEvaluator.evaluate7(c[k], c[k + 1], c[k + 2], c[k + 3], c[k + 4], c[k + 5], c[k + 6]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(HANDS)
    public long referenceEvaluator() {
        long sum = 0;
        for (int[] hand : hands) {
            sum += ReferenceEvaluator.evaluate7(hand);
        }
        return sum;
    }
}
