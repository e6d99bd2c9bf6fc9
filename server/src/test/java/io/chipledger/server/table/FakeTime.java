package io.chipledger.server.table;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A clock and a table timer that move only when a test says so (caffeine's FakeTicker, okhttp's TaskFaker): timers
 * fire, in order, on the test's thread, as {@link #advance} passes them.
 */
public final class FakeTime extends Clock implements TableTimer {

    private Instant now = Instant.parse("2026-12-01T12:00:00Z");
    private long scheduledCount;
    private final List<Scheduled> pending = new ArrayList<>();

    private record Scheduled(Instant due, long order, Runnable task) {
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Scheduled scheduled = new Scheduled(now.plus(delay), scheduledCount++, task);
        pending.add(scheduled);
        return () -> {
            synchronized (this) {
                pending.remove(scheduled);
            }
        };
    }

    /** Moves time on by {@code duration}, running every timer that falls due on the way, at its own moment. */
    public void advance(Duration duration) {
        Instant until;
        synchronized (this) {
            until = now.plus(duration);
        }
        while (true) {
            Scheduled next;
            synchronized (this) {
                next = pending.stream().filter(s -> !s.due().isAfter(until))
                        .min(Comparator.comparing(Scheduled::due).thenComparingLong(Scheduled::order)).orElse(null);
                if (next == null) {
                    now = until;
                    return;
                }
                pending.remove(next);
                if (next.due().isAfter(now)) {
                    now = next.due();
                }
            }
            next.task().run();
        }
    }

    /** Runs the timers due now (a zero pause between hands), without moving time. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    public synchronized int pendingTimers() {
        return pending.size();
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the fake clock is in UTC");
    }
}
