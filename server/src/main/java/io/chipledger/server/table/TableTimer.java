package io.chipledger.server.table;

import java.time.Duration;

/** Schedules a table's timers (action clock, pause between hands). Injected so tests can run on fake time. */
public interface TableTimer {

    /** Runs {@code task} after {@code delay}; the task must send a command to the table's mailbox, not touch its state. */
    Cancellable schedule(Duration delay, Runnable task);

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
