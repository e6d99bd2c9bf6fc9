package io.chipledger.server.bench;

import io.chipledger.server.game.eval.HandEvaluator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to evaluate all 133,784,560 seven-card hands once, one thread, through the public {@code evaluate7} (no
 * incremental trick): once adding up the strengths, once tallying categories as the exhaustive test does (the
 * tally's read-modify-write on a nine-slot array costs a few cycles a hand more).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AllSevenCardHandsBenchmark {

    @Benchmark
    public long everySevenCardHandSummed() {
        long sum = 0;
        for (int a = 0; a < 52; a++) {
            for (int b = a + 1; b < 52; b++) {
                for (int c = b + 1; c < 52; c++) {
                    for (int d = c + 1; d < 52; d++) {
                        for (int e = d + 1; e < 52; e++) {
                            for (int f = e + 1; f < 52; f++) {
                                for (int g = f + 1; g < 52; g++) {
                                    sum += HandEvaluator.evaluate7(a, b, c, d, e, f, g);
                                }
                            }
                        }
                    }
                }
            }
        }
        return sum;
    }

    @Benchmark
    public long[] everySevenCardHandTalliedByCategory() {
        long[] byCategory = new long[9];
        for (int a = 0; a < 52; a++) {
            for (int b = a + 1; b < 52; b++) {
                for (int c = b + 1; c < 52; c++) {
                    for (int d = c + 1; d < 52; d++) {
                        for (int e = d + 1; e < 52; e++) {
                            for (int f = e + 1; f < 52; f++) {
                                for (int g = f + 1; g < 52; g++) {
                                    byCategory[HandEvaluator.category(
                                            HandEvaluator.evaluate7(a, b, c, d, e, f, g)).ordinal()]++;
                                }
                            }
                        }
                    }
                }
            }
        }
        return byCategory;
    }
}
