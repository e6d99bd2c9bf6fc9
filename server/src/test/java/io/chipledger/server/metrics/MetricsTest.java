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

        assertThat(metrics.scrape()).isEqualTo("""
                # HELP poker_hands_total Hands dealt.
                # TYPE poker_hands_total counter
                poker_hands_total 2
                # HELP poker_tables Tables running.
                # TYPE poker_tables gauge
                poker_tables 7
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
                commit_seconds_bucket{le="0.001000"} 1
                commit_seconds_bucket{le="0.010000"} 2
                commit_seconds_bucket{le="+Inf"} 3
                commit_seconds_sum 0.052500
                commit_seconds_count 3
                """);
    }

    @Test
    void aNameCannotBeRegisteredTwice() {
        Metrics metrics = new Metrics();
        metrics.counter("x_total", "x");

        assertThatThrownBy(() -> metrics.gauge("x_total", "x", () -> 1)).isInstanceOf(IllegalStateException.class);
    }
}
