package io.chipledger.server.store;

import io.chipledger.server.account.PlayerMapper;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HistoryJson;
import io.chipledger.server.table.HandRecords;
import io.chipledger.server.table.TableFence;
import io.chipledger.server.table.UnfinishedHands;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * {@link HandRecords} in the {@code hand} and {@code hand_history} tables (each call runs on the worker executor),
 * and the {@link UnfinishedHands} a crash left there (blocking, for start-up).
 */
public final class PostgresHandRecords implements HandRecords, UnfinishedHands {

    private final Transactions transactions;

    public PostgresHandRecords(SqlSessionFactory database, Executor worker) {
        this(new Transactions(database, worker));
    }

    private PostgresHandRecords(Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public PostgresHandRecords fencedBy(TableFence fence) {
        return new PostgresHandRecords(transactions.fencedBy(fence.fence()));
    }

    @Override
    public List<OpenHand> openAt(long tableId) {
        return transactions.now(session -> hands(session).openHandsAt(tableId));
    }

    @Override
    public CompletableFuture<Long> open(long tableId) {
        return transactions.later(session -> hands(session).openHand(tableId));
    }

    @Override
    public CompletableFuture<Void> finish(long handId, HandOutcome outcome) {
        return transactions.laterInOne(session -> {
            hands(session).finishHand(handId, outcome.name());
            histories(session).deleteDrafts(handId);
        });
    }

    /** The hand's status and its history commit in one transaction, which drops its drafts. */
    @Override
    public CompletableFuture<Void> finish(long handId, HandOutcome outcome, HandHistory history) {
        return transactions.laterInOne(session -> finish(session, handId, outcome.name(), history));
    }

    /** Written without waiting for the disk: it must outlive the server's process, not PostgreSQL (V7). */
    @Override
    public CompletableFuture<Void> draftProgress(long handId, HandHistory draft) {
        return transactions.laterInOne(session -> {
            histories(session).skipWaitingForDisk();
            histories(session).upsertProgress(handId, HistoryJson.write(draft));
        });
    }

    @Override
    public CompletableFuture<Void> draftSettlement(long handId, HandHistory draft) {
        return transactions.laterInOne(session -> histories(session).insertDraft(handId, HistoryJson.write(draft)));
    }

    @Override
    public List<OpenHand> open() {
        return transactions.now(session -> hands(session).openHands());
    }

    @Override
    public Optional<HandHistory> settlementDraft(long handId) {
        return transactions.now(session -> Optional.ofNullable(histories(session).findDraft(handId)).map(HistoryJson::read));
    }

    @Override
    public Optional<HandHistory> progress(long handId) {
        return transactions.now(session -> Optional.ofNullable(histories(session).findProgress(handId)).map(HistoryJson::read));
    }

    @Override
    public Instant startedAt(long handId) {
        return transactions.now(session -> histories(session).handStartedAt(handId));
    }

    @Override
    public Optional<String> playerName(long playerId) {
        return transactions.now(session -> Optional.ofNullable(session.getMapper(PlayerMapper.class).findById(playerId))
                .map(PlayerMapper.PlayerRow::name));
    }

    @Override
    public void end(HandHistory record) {
        transactions.inOne(session -> finish(session, record.handId(), record.status().name(), record));
    }

    private static void finish(SqlSession session, long handId, String status, HandHistory history) {
        hands(session).finishHand(handId, status);
        histories(session).insert(history);
        histories(session).deleteDrafts(handId);
    }

    private static HandMapper hands(SqlSession session) {
        return session.getMapper(HandMapper.class);
    }

    private static HandHistoryMapper histories(SqlSession session) {
        return session.getMapper(HandHistoryMapper.class);
    }
}
