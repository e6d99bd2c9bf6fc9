package io.chipledger.server.table;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Sends a command to the table's own mailbox once a delay has passed: how the action clock, the pause between hands
 * and a dropped player's grace reach the table without touching its state from the timer's thread.
 */
@FunctionalInterface
interface CommandTimer {

    TableTimer.Cancellable after(Duration delay, Supplier<CompletionStage<Outcome>> command);
}
