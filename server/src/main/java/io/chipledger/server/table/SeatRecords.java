package io.chipledger.server.table;

import io.chipledger.money.Money;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Where seats are recorded, so a restarted server knows who sat where. A seat is taken (recorded) before its buy-in is
 * posted and left (forgotten) after its cash-out committed; chips are never here, only in the ledger.
 */
public interface SeatRecords {

    /** Records the seat; completes exceptionally when the seat or the player is already taken at this table. */
    CompletableFuture<Void> taken(long tableId, int seat, long playerId, long seatAccountId, String stintKey);

    CompletableFuture<Void> left(long tableId, int seat, String stintKey);

    /** Every seat at a table that is not closed, with the chips its seat account holds now. Blocking, for start-up. */
    List<RecordedSeat> atOpenTables();

    /**
     * Seat accounts holding chips that no seat at an open table claims: a crash cut a cash-out or a close short.
     * Blocking, for start-up.
     */
    List<StrandedSeat> stranded();

    /** The recorded seats of one table, with their balances: a game node restores only the tables it takes. */
    default List<RecordedSeat> atTable(long tableId) {
        return atOpenTables().stream().filter(seat -> seat.tableId() == tableId).toList();
    }

    /** The stranded seat accounts of one table (owned {@code table:<id>/...}). */
    default List<StrandedSeat> strandedAt(long tableId) {
        String prefix = TableFence.leaseName(tableId) + "/";
        return stranded().stream().filter(seat -> seat.ownerRef().startsWith(prefix)).toList();
    }

    /** As {@link HandRecords#fencedBy}: taking and leaving a seat are refused once the table's lease moved on. */
    default SeatRecords fencedBy(TableFence fence) {
        return this;
    }

    /** A seat as recorded, with its account's balance. */
    record RecordedSeat(long tableId, int seat, long playerId, long seatAccountId, String stintKey, Money balance) {
    }

    /** A seat account with chips and no seat; {@code ownerRef} names it as the ledger does. */
    record StrandedSeat(long accountId, String ownerRef, String currency, long version, Money balance) {
    }
}
