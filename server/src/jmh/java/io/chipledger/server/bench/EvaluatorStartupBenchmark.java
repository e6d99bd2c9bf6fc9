package io.chipledger.server.bench;

import io.chipledger.server.game.eval.HandEvaluator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first evaluation in a fresh JVM, which pays for generating the lookup tables at class init (cold code, no
 * JIT yet): one shot per fork, several forks.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(10)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class EvaluatorStartupBenchmark {

    @Benchmark
    public int firstEvaluation() {
        return HandEvaluator.evaluate7(0, 5, 10, 15, 20, 25, 30);
    }
}
