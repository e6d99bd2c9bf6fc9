package io.chipledger.server.store;

import io.chipledger.server.table.SeatRecords;
import io.chipledger.server.table.TableFence;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.ibatis.session.SqlSession;
import io.chipledger.ledger.db.CommitWatch;
import org.apache.ibatis.session.SqlSessionFactory;

/** {@link SeatRecords} in the {@code table_seat} table; a table's calls run on the worker executor. */
public final class PostgresSeatRecords implements SeatRecords {

    private final Transactions transactions;

    public PostgresSeatRecords(SqlSessionFactory database, Executor worker) {
        this(new Transactions(database, worker));
    }

    /** As above, each write told to {@code commits} while it is in flight (one that waits too long: the database lost). */
    public PostgresSeatRecords(SqlSessionFactory database, Executor worker, CommitWatch commits) {
        this(new Transactions(database, worker, commits));
    }

    private PostgresSeatRecords(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public PostgresSeatRecords fencedBy(TableFence fence) {
        return new PostgresSeatRecords(transactions.fencedBy(fence.fence()));
    }

    @Override
    public CompletableFuture<Void> taken(long tableId, int seat, long playerId, long seatAccountId, String stintKey) {
        return transactions.later(session -> seats(session).insertSeat(tableId, seat, playerId, seatAccountId, stintKey))
                .thenApply(inserted -> null);
    }

    @Override
    public CompletableFuture<Void> left(long tableId, int seat, String stintKey) {
        return transactions.later(session -> seats(session).deleteSeat(tableId, seat, stintKey)).thenApply(deleted -> null);
    }

    @Override
    public List<RecordedSeat> atOpenTables() {
        return transactions.now(session -> seats(session).seatsAtOpenTables());
    }

    @Override
    public List<StrandedSeat> stranded() {
        return transactions.now(session -> seats(session).strandedSeatAccounts());
    }

    private static SeatMapper seats(SqlSession session) {
        return session.getMapper(SeatMapper.class);
    }
}
