package io.chipledger.server.table;

import io.chipledger.server.history.record.HandHistory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The hands a crash left open, and what was kept of each while it was played (the record drafted before its
 * settlement, the record it had so far), for {@link CrashRecovery}. Blocking: recovery runs before the server listens.
 */
public interface UnfinishedHands {

    /** Hands still open, oldest first. */
    List<OpenHand> open();

    /** The hands still open at one table, oldest first: a game node recovers only the tables it takes. */
    default List<OpenHand> openAt(long tableId) {
        return open().stream().filter(hand -> hand.tableId() == tableId).toList();
    }

    /** As {@link HandRecords#fencedBy}: ending a hand is refused once the table's lease moved on. */
    default UnfinishedHands fencedBy(TableFence fence) {
        return this;
    }

    /** The record drafted just before the hand's settlement was posted, if it got that far. */
    Optional<HandHistory> settlementDraft(long handId);

    /** The record the hand had at its last committed posting. */
    Optional<HandHistory> progress(long handId);

    Instant startedAt(long handId);

    /** The name of a player a refund went to, when the hand kept no record of its seats. */
    Optional<String> playerName(long playerId);

    /** Ends the hand as its record says (settled or voided), stores the record and drops its drafts, all at once. */
    void end(HandHistory record);

    /** A hand that was never finished. */
    record OpenHand(long handId, long tableId) {
    }
}
