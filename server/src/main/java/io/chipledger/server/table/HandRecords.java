package io.chipledger.server.table;

import java.util.concurrent.CompletableFuture;

/**
 * Where hands are recorded. A hand is opened (its id allocated) before any of its chips move and finished after its
 * settlement committed; a hand left open by a crash is voided on the next start.
 */
public interface HandRecords {

    CompletableFuture<Long> open(long tableId);

    CompletableFuture<Void> finish(long handId, HandOutcome outcome);

    enum HandOutcome {
        SETTLED, VOIDED
    }
}
