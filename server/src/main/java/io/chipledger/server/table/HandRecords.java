package io.chipledger.server.table;

import io.chipledger.server.history.record.HandHistory;
import java.util.concurrent.CompletableFuture;

/**
 * Where hands are recorded. A hand is opened (its id allocated) before any of its chips move and finished after its
 * settlement committed; a hand left open by a crash is voided on the next start.
 */
public interface HandRecords {

    CompletableFuture<Long> open(long tableId);

    CompletableFuture<Void> finish(long handId, HandOutcome outcome);

    /**
     * Finishes the hand and stores its history (docs/hand-history-json.md) together: both or neither, so a settled
     * hand always has its record. Records that keep no histories just finish the hand.
     */
    default CompletableFuture<Void> finish(long handId, HandOutcome outcome, HandHistory history) {
        return finish(handId, outcome);
    }

    /**
     * Keeps the record the hand will have once its settlement commits, before that settlement is posted, so crash
     * recovery can store it if the server stops between the settlement's commit and {@link #finish}. Finishing the hand
     * drops it. Records that keep no histories keep no drafts.
     */
    default CompletableFuture<Void> draftSettlement(long handId, HandHistory draft) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Keeps the record the hand has so far (what it would be if it were voided now), after each of its postings
     * committed, so a crash that voids it leaves its seats, cards and actions to crash recovery. Finishing the hand
     * drops it. Records that keep no histories keep no drafts.
     */
    default CompletableFuture<Void> draftProgress(long handId, HandHistory draft) {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * As {@link #draftProgress(long, HandHistory)}, when the first {@code eventsKept} of the draft's events were kept
     * by earlier calls that completed (-1: nothing of the hand was kept yet), so a store may add only the rest instead
     * of writing the whole record again after every move.
     */
    default CompletableFuture<Void> draftProgress(long handId, HandHistory draft, int eventsKept) {
        return draftProgress(handId, draft);
    }

    /**
     * These records as one table of a game node writes them: each write first checks, in its own transaction, that the
     * table's lease still stands at the fence's epoch, and is refused (nothing written) once another node claimed it.
     * Records that keep nothing in a database need no fence.
     */
    default HandRecords fencedBy(TableFence fence) {
        return this;
    }

    enum HandOutcome {
        SETTLED, VOIDED
    }
}
