package io.chipledger.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The dashboard's hour of figures, sampled on a clock the test moves. */
class FigureHistoryTest {

    private final AtomicLong hands = new AtomicLong();
    private final AtomicLong online = new AtomicLong();
    private final AtomicLong postings = new AtomicLong();
    private final Metrics.Histogram latency = new Metrics().histogram("commit_seconds", "c", 1, 2, 5, 10);
    private Instant now = Instant.parse("2026-12-05T10:00:00Z");

    private final FigureHistory history = new FigureHistory(
            new FigureHistory.Sources(hands::get, online::get, postings::get, latency), new Clock() {
                @Override
                public java.time.ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    @Test
    void eachSampleIsTheRateSinceThePreviousOne() {
        now = now.plusSeconds(10);
        hands.set(3);
        online.set(7);
        postings.set(250);
        for (int i = 0; i < 99; i++) {
            latency.recordNanos(1_500_000); // 1.5 ms: the 2 ms bucket
        }
        latency.recordNanos(8_000_000);
        history.sample();

        FigureHistory.Sample first = history.samples().get(0);
        assertThat(first.at()).isEqualTo(now);
        assertThat(first.handsPerMinute()).isEqualTo(18.0);
        assertThat(first.playersOnline()).isEqualTo(7);
        assertThat(first.commitsPerSecond()).isEqualTo(25.0);
        assertThat(first.commitMeanMillis()).isCloseTo((99 * 1.5 + 8) / 100, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(first.commitP99Millis()).isEqualTo(2.0);

        now = now.plusSeconds(10);
        history.sample();
        FigureHistory.Sample quiet = history.samples().get(1);
        assertThat(quiet.handsPerMinute()).isZero();
        assertThat(quiet.commitMeanMillis()).as("nothing committed").isNull();
    }

    @Test
    void anHourIsKeptAndNoMore() {
        for (int i = 0; i < FigureHistory.SAMPLES + 5; i++) {
            now = now.plus(FigureHistory.INTERVAL);
            history.sample();
        }

        assertThat(history.samples()).hasSize(360);
        assertThat(Duration.between(history.samples().get(0).at(), history.samples().get(359).at()))
                .isEqualTo(Duration.ofSeconds(3590));
    }
}
