package io.chipledger.server.store;

import io.chipledger.ledger.Fence;
import io.chipledger.server.account.PlayerMapper;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandHistoryRecorder;
import io.chipledger.server.history.record.HistoryEvent;
import io.chipledger.server.history.record.HistoryJson;
import io.chipledger.server.table.HandRecords;
import io.chipledger.server.table.TableFence;
import io.chipledger.server.table.UnfinishedHands;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.apache.ibatis.session.SqlSession;
import io.chipledger.ledger.db.CommitWatch;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * {@link HandRecords} in the {@code hand} and {@code hand_history} tables (each call runs on the worker executor),
 * and the {@link UnfinishedHands} a crash left there (blocking, for start-up).
 */
public final class PostgresHandRecords implements HandRecords, UnfinishedHands {

    private final Transactions transactions;
    /** Shared by every table's records (the fenced ones too): their steps are written together. */
    private final ProgressSteps steps;
    private final Fence fence;

    public PostgresHandRecords(SqlSessionFactory database, Executor worker) {
        this(database, worker, new CommitWatch());
    }

    /** As above, each write told to {@code commits} while it is in flight (one that waits too long: the database lost). */
    public PostgresHandRecords(SqlSessionFactory database, Executor worker, CommitWatch commits) {
        this(new Transactions(database, worker, commits), new ProgressSteps(database, worker, commits), null);
    }

    private PostgresHandRecords(Transactions transactions, ProgressSteps steps, Fence fence) {
        this.transactions = transactions;
        this.steps = steps;
        this.fence = fence;
    }

    @Override
    public PostgresHandRecords fencedBy(TableFence tableFence) {
        return new PostgresHandRecords(transactions.fencedBy(tableFence.fence()), steps, tableFence.fence());
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
        return draftProgress(handId, draft, -1);
    }

    /**
     * The whole record the first time, then only the events it gained since, a row each time (V12): a hand's drafts
     * cost the length of the hand, not its square. A whole record drops the steps written before it, which it holds.
     * The steps of all tables are written together ({@link ProgressSteps}).
     */
    @Override
    public CompletableFuture<Void> draftProgress(long handId, HandHistory draft, int eventsKept) {
        List<HistoryEvent> events = draft.events();
        if (eventsKept >= events.size()) {
            return CompletableFuture.completedFuture(null); // nothing new to keep (a move that told no event)
        }
        if (eventsKept >= 0) {
            return steps.append(handId, eventsKept, HistoryJson.writeEvents(events.subList(eventsKept, events.size())), fence);
        }
        return transactions.laterInOne(session -> {
            histories(session).skipWaitingForDisk();
            histories(session).upsertProgress(handId, HistoryJson.write(draft));
            histories(session).deleteProgressSteps(handId);
        });
    }

    /** Batches of progress steps written so far (all tables'), for /metrics. */
    public long progressStepBatches() {
        return steps.batches();
    }

    /** Progress steps written so far: over {@link #progressStepBatches()}, the steps a batch the load gave. */
    public long progressStepsWritten() {
        return steps.stepsWritten();
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
        return transactions.now(session -> {
            String written = histories(session).findProgress(handId);
            if (written == null) {
                return Optional.empty();
            }
            HandHistory record = HistoryJson.read(written);
            List<HandHistoryMapper.ProgressStep> steps = histories(session).findProgressSteps(handId);
            return Optional.of(steps.isEmpty() ? record : HandHistoryRecorder.inProgressWith(record, eventsSince(record, steps)));
        });
    }

    /**
     * The steps' events after the record's, each step placed at its own first event. The table writes a step from
     * where the last one it saw stored ended, so they follow on from each other; placing them by index rather than
     * by concatenation keeps the record right even if that were ever broken (a step that starts earlier than the
     * events before it end replaces those it overlaps).
     */
    private static List<HistoryEvent> eventsSince(HandHistory record, List<HandHistoryMapper.ProgressStep> steps) {
        int written = record.events().size();
        List<HistoryEvent> since = new ArrayList<>();
        for (HandHistoryMapper.ProgressStep step : steps) {
            int from = Math.max(0, step.firstEvent() - written);
            if (from < since.size()) {
                since.subList(from, since.size()).clear();
            }
            since.addAll(HistoryJson.readEvents(step.events()));
        }
        return since;
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
