package io.chipledger.server.store;

import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HistoryJson;
import io.chipledger.server.account.PlayerMapper;
import io.chipledger.server.table.HandRecords;
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

    private final SqlSessionFactory database;
    private final Executor worker;

    public PostgresHandRecords(SqlSessionFactory database, Executor worker) {
        this.database = database;
        this.worker = worker;
    }

    @Override
    public CompletableFuture<Long> open(long tableId) {
        return CompletableFuture.supplyAsync(() -> {
            try (SqlSession session = database.openSession(true)) {
                return session.getMapper(HandMapper.class).openHand(tableId);
            }
        }, worker);
    }

    @Override
    public CompletableFuture<Void> finish(long handId, HandOutcome outcome) {
        return CompletableFuture.runAsync(() -> {
            try (SqlSession session = database.openSession(false)) {
                session.getMapper(HandMapper.class).finishHand(handId, outcome.name());
                session.getMapper(HandHistoryMapper.class).deleteDrafts(handId);
                session.commit();
            }
        }, worker);
    }

    /** The hand's status and its history commit in one transaction, which drops its settlement draft. */
    @Override
    public CompletableFuture<Void> finish(long handId, HandOutcome outcome, HandHistory history) {
        return CompletableFuture.runAsync(() -> {
            try (SqlSession session = database.openSession(false)) {
                session.getMapper(HandMapper.class).finishHand(handId, outcome.name());
                session.getMapper(HandHistoryMapper.class).insert(history);
                session.getMapper(HandHistoryMapper.class).deleteDrafts(handId);
                session.commit();
            }
        }, worker);
    }

    @Override
    public List<OpenHand> open() {
        try (SqlSession session = database.openSession(true)) {
            return session.getMapper(HandMapper.class).openHands();
        }
    }

    @Override
    public Optional<HandHistory> settlementDraft(long handId) {
        try (SqlSession session = database.openSession(true)) {
            return Optional.ofNullable(session.getMapper(HandHistoryMapper.class).findDraft(handId)).map(HistoryJson::read);
        }
    }

    @Override
    public Optional<HandHistory> progress(long handId) {
        try (SqlSession session = database.openSession(true)) {
            return Optional.ofNullable(session.getMapper(HandHistoryMapper.class).findProgress(handId)).map(HistoryJson::read);
        }
    }

    @Override
    public Instant startedAt(long handId) {
        try (SqlSession session = database.openSession(true)) {
            return session.getMapper(HandHistoryMapper.class).handStartedAt(handId);
        }
    }

    @Override
    public Optional<String> playerName(long playerId) {
        try (SqlSession session = database.openSession(true)) {
            return Optional.ofNullable(session.getMapper(PlayerMapper.class).findById(playerId)).map(PlayerMapper.PlayerRow::name);
        }
    }

    @Override
    public void end(HandHistory record) {
        try (SqlSession session = database.openSession(false)) {
            session.getMapper(HandMapper.class).finishHand(record.handId(), record.status().name());
            session.getMapper(HandHistoryMapper.class).insert(record);
            session.getMapper(HandHistoryMapper.class).deleteDrafts(record.handId());
            session.commit();
        }
    }

    /** Written without waiting for the disk: it must outlive the server's process, not PostgreSQL (V7). */
    @Override
    public CompletableFuture<Void> draftProgress(long handId, HandHistory draft) {
        return CompletableFuture.runAsync(() -> {
            try (SqlSession session = database.openSession(false)) {
                HandHistoryMapper drafts = session.getMapper(HandHistoryMapper.class);
                drafts.skipWaitingForDisk();
                drafts.upsertProgress(handId, HistoryJson.write(draft));
                session.commit();
            }
        }, worker);
    }

    @Override
    public CompletableFuture<Void> draftSettlement(long handId, HandHistory draft) {
        return CompletableFuture.runAsync(() -> {
            try (SqlSession session = database.openSession(true)) {
                session.getMapper(HandHistoryMapper.class).insertDraft(handId, HistoryJson.write(draft));
            }
        }, worker);
    }
}
