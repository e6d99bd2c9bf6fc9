package io.chipledger.server.store;

import io.chipledger.server.table.SeatRecords;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** Seat rows: who sits where at which table, written around the buy-in and the cash-out. */
public interface SeatMapper {

    /** Reserves the seat; fails on a taken seat or a player already seated at the table (unique keys). */
    int insertSeat(@Param("tableId") long tableId, @Param("seat") int seat, @Param("playerId") long playerId,
                   @Param("seatAccountId") long seatAccountId, @Param("stintKey") String stintKey);

    /** Frees the seat if this stint still holds it. */
    int deleteSeat(@Param("tableId") long tableId, @Param("seat") int seat, @Param("stintKey") String stintKey);

    /** Every seat at a table that is not closed, with the chips its SEAT account holds now. */
    List<SeatRecords.RecordedSeat> seatsAtOpenTables();

    /** SEAT accounts holding chips that no seat at an open table claims: a crash cut a cash-out or a close short. */
    List<SeatRecords.StrandedSeat> strandedSeatAccounts();
}
