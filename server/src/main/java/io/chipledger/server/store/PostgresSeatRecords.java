package io.chipledger.server.store;

import io.chipledger.server.table.SeatRecords;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** {@link SeatRecords} in the {@code table_seat} table; each call runs on the worker executor. */
public final class PostgresSeatRecords implements SeatRecords {

    private final SqlSessionFactory database;
    private final Executor worker;

    public PostgresSeatRecords(SqlSessionFactory database, Executor worker) {
        this.database = database;
        this.worker = worker;
    }

    @Override
    public CompletableFuture<Void> taken(long tableId, int seat, long playerId, long seatAccountId, String stintKey) {
        return CompletableFuture.runAsync(() -> {
            try (SqlSession session = database.openSession(true)) {
                session.getMapper(SeatMapper.class).insertSeat(tableId, seat, playerId, seatAccountId, stintKey);
            }
        }, worker);
    }

    @Override
    public List<RecordedSeat> atOpenTables() {
        try (SqlSession session = database.openSession(true)) {
            return session.getMapper(SeatMapper.class).seatsAtOpenTables();
        }
    }

    @Override
    public List<StrandedSeat> stranded() {
        try (SqlSession session = database.openSession(true)) {
            return session.getMapper(SeatMapper.class).strandedSeatAccounts();
        }
    }

    @Override
    public CompletableFuture<Void> left(long tableId, int seat, String stintKey) {
        return CompletableFuture.runAsync(() -> {
            try (SqlSession session = database.openSession(true)) {
                session.getMapper(SeatMapper.class).deleteSeat(tableId, seat, stintKey);
            }
        }, worker);
    }
}
