package io.chipledger.server.table;

import java.util.concurrent.CompletableFuture;

/**
 * Where seats are recorded, so a restarted server knows who sat where. A seat is taken (recorded) before its buy-in is
 * posted and left (forgotten) after its cash-out committed; chips are never here, only in the ledger.
 */
public interface SeatRecords {

    /** Records the seat; completes exceptionally when the seat or the player is already taken at this table. */
    CompletableFuture<Void> taken(long tableId, int seat, long playerId, long seatAccountId, String stintKey);

    CompletableFuture<Void> left(long tableId, int seat, String stintKey);
}
