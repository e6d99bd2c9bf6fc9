package io.chipledger.server.table;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** {@link TableTimer} on one shared scheduler thread: timer tasks only enqueue commands, so one thread is plenty. */
public final class ScheduledTableTimer implements TableTimer {

    private final ScheduledExecutorService scheduler;

    public ScheduledTableTimer(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }
}
