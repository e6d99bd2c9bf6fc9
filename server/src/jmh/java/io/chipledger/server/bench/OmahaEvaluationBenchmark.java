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
 * Omaha evaluations per second (the best of two hole cards with three board cards, four hole cards and a full board)
 * on random hands dealt in advance, one thread, the fast evaluator beside the brute-force reference. Each reported
 * operation is one player's hand evaluated.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class OmahaEvaluationBenchmark {

    /** Enough hands that branch prediction cannot learn them, few enough to leave the tables in cache. */
    static final int HANDS = 1 << 14;

    private int[][] holes;
    private int[][] boards;

    @Setup
    public void dealHands() {
        SplittableRandom random = new SplittableRandom(2026L);
        holes = new int[HANDS][4];
        boards = new int[HANDS][5];
        int[] deck = new int[52];
        for (int i = 0; i < HANDS; i++) {
            for (int c = 0; c < 52; c++) {
                deck[c] = c;
            }
            for (int k = 0; k < 9; k++) {
                int j = k + random.nextInt(52 - k);
                int card = deck[j];
                deck[j] = deck[k];
                deck[k] = card;
                if (k < 4) {
                    holes[i][k] = card;
                } else {
                    boards[i][k - 4] = card;
                }
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(HANDS)
    public long fastEvaluator() {
        long sum = 0;
        for (int i = 0; i < HANDS; i++) {
            sum += HandEvaluator.evaluateOmaha(holes[i], boards[i]);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(HANDS)
    public long referenceEvaluator() {
        long sum = 0;
        for (int i = 0; i < HANDS; i++) {
            sum += ReferenceEvaluator.evaluateOmaha(holes[i], boards[i]);
        }
        return sum;
    }
}
