package io.chipledger.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void countersAndGaugesAreWrittenInThePrometheusTextFormat() {
        Metrics metrics = new Metrics();
        Metrics.Counter hands = metrics.counter("poker_hands_total", "Hands dealt.");
        metrics.gauge("poker_tables", "Tables running.", () -> 7);
        hands.increment();
        hands.increment();

        assertThat(metrics.scrape()).contains("""
                # HELP poker_hands_total Hands dealt.
                # TYPE poker_hands_total counter
                poker_hands_total 2.0
                """).contains("""
                # HELP poker_tables Tables running.
                # TYPE poker_tables gauge
                poker_tables 7.0
                """);
    }

    @Test
    void histogramBucketsAreCumulativeInSecondsWithSumAndCount() {
        Metrics metrics = new Metrics();
        Metrics.Histogram latency = metrics.histogram("commit_seconds", "Commit time.", 1, 10);
        latency.recordNanos(500_000);      // 0.5 ms
        latency.recordNanos(2_000_000);    // 2 ms
        latency.recordNanos(50_000_000);   // 50 ms: above every bound

        assertThat(metrics.scrape()).contains("""
                commit_seconds_bucket{le="0.001"} 1
                commit_seconds_bucket{le="0.01"} 2
                commit_seconds_bucket{le="+Inf"} 3
                commit_seconds_count 3
                commit_seconds_sum 0.0525
                """);
    }

    @Test
    void refusalsAreCountedUnderTheirCode() {
        Metrics metrics = new Metrics();
        GameMetrics game = new GameMetrics(metrics);
        game.requestRefused(Code.NOT_YOUR_TURN);
        game.requestRefused(Code.NOT_YOUR_TURN);
        game.requestRefused(Code.ILLEGAL_ACTION);

        assertThat(metrics.scrape()).contains("poker_requests_refused_total{code=\"NOT_YOUR_TURN\"} 2.0")
                .contains("poker_requests_refused_total{code=\"ILLEGAL_ACTION\"} 1.0");
    }

    @Test
    void theJvmReportsGarbageCollectionThreadsAndMemory() {
        try (Metrics metrics = new Metrics().bindJvm()) {
            System.gc();

            assertThat(metrics.scrape()).contains("jvm_threads_live_threads", "jvm_threads_states_threads{state=\"runnable\"}",
                    "jvm_memory_used_bytes{area=\"heap\"", "jvm_gc_", "process_cpu_usage", "jvm_classes_loaded_classes");
        }
    }

    @Test
    void aNameCannotBeBothACounterAndAGauge() {
        Metrics metrics = new Metrics();
        metrics.counter("x_total", "x");

        assertThatThrownBy(() -> metrics.gauge("x_total", "x", () -> 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bucketBoundsMustIncrease() {
        assertThatThrownBy(() -> new Metrics().histogram("h_seconds", "h", 10, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private enum Code { NOT_YOUR_TURN, ILLEGAL_ACTION }
}
