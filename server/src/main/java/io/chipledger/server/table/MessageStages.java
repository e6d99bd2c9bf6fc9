package io.chipledger.server.table;

import io.chipledger.protocol.ClientMessage;
import io.chipledger.server.metrics.GameMetrics;
import io.chipledger.server.net.BroadcastWrites;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Times a client message's stages inside its table: the wait in the mailbox, the table's own turn until it waits for
 * the ledger, and for a player's action, the time from its frame arriving to the last frame of its broadcast written.
 * Used only inside the table's mailbox.
 */
final class MessageStages {

    private final GameMetrics metrics;
    private final TableAudience audience;

    MessageStages(GameMetrics metrics, TableAudience audience) {
        this.metrics = metrics;
        this.audience = audience;
    }

    /**
     * Runs {@code handling} (the mailbox's task for {@code message}), which was queued at {@code queuedNanos} for a
     * frame that arrived at {@code receivedNanos}.
     */
    CompletionStage<Void> timed(ClientMessage message, long queuedNanos, long receivedNanos,
                                Supplier<CompletionStage<Void>> handling) {
        long started = System.nanoTime();
        metrics.mailboxWait.recordNanos(started - queuedNanos);
        boolean action = message instanceof ClientMessage.Act;
        if (action) {
            audience.broadcastStarted(new BroadcastWrites(receivedNanos, metrics.actionToBroadcast::recordNanos));
        }
        CompletionStage<Void> stage;
        try {
            stage = handling.get();
        } catch (RuntimeException | Error e) {
            if (action) {
                audience.broadcastSealed();
            }
            throw e;
        }
        metrics.tableTurn.recordNanos(System.nanoTime() - started);
        // Sealed before the mailbox moves on: the next message's events are not this action's broadcast.
        return action ? stage.whenComplete((done, failure) -> audience.broadcastSealed()) : stage;
    }
}
