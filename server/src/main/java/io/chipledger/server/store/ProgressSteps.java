package io.chipledger.server.store;

import io.chipledger.ledger.Fence;
import io.chipledger.ledger.FencedException;
import io.chipledger.ledger.db.CommitWatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The progress steps of every table's hands (V12), written together: a step is queued, and one drain on the worker
 * writes everything queued in one statement and one commit, as the ledger's group commit does for postings.
 *
 * <p>Each committed move of every hand writes a step, so a room of 200 busy tables writes hundreds a second. Written
 * one transaction each, a step cost the server a session, a {@code SET LOCAL}, the insert and a commit (four round
 * trips, about a fifth of the server's samples in a zero-think game; docs/performance.md) and PostgreSQL a commit. While
 * one batch is written the next fills up, so the batches grow with the load and a lone step waits for nothing but the
 * batch before it: there is no linger.
 *
 * <p>A step made under a table's {@link Fence} is written only if that lease still stands at its epoch (the lease row
 * read FOR SHARE in the same statement, as {@code FenceGuard} does for a single write); one whose lease moved on fails
 * with {@link FencedException} and the rest of the batch is written. A batch that fails as a whole fails each of its
 * steps: the table logs it, and its next step covers the events this one held (it starts where the last stored ended).
 */
final class ProgressSteps {

    private final SqlSessionFactory database;
    private final Executor worker;
    private final CommitWatch commits;
    private final ConcurrentLinkedQueue<Step> queued = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final LongAdder batches = new LongAdder();
    private final LongAdder written = new LongAdder();

    ProgressSteps(SqlSessionFactory database, Executor worker, CommitWatch commits) {
        this.database = database;
        this.worker = worker;
        this.commits = commits;
    }

    /**
     * Queues the events (a JSON array) a hand's record gained since its first {@code firstEvent} were stored.
     *
     * @param fence the table's lease, or null where no lease guards the table (a single node)
     * @return completes once the step committed; fails with {@link FencedException} if the fence no longer stands
     */
    CompletableFuture<Void> append(long handId, int firstEvent, String events, Fence fence) {
        Step step = new Step(handId, firstEvent, events, fence, new CompletableFuture<>());
        queued.add(step);
        drainIfIdle();
        return step.done;
    }

    /** Batches written so far, and the steps in them: their ratio is the batching the load allowed. */
    long batches() {
        return batches.sum();
    }

    long stepsWritten() {
        return written.sum();
    }

    private void drainIfIdle() {
        if (!queued.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RuntimeException rejected) { // the worker is shut down: the server is stopping
                draining.set(false);
                Step step;
                while ((step = queued.poll()) != null) {
                    step.done.completeExceptionally(rejected);
                }
            }
        }
    }

    /** Writes what is queued, a batch at a time, until nothing is; then lets the next step start a drain. */
    private void drain() {
        try {
            List<Step> batch;
            while (!(batch = takeQueued()).isEmpty()) {
                write(batch);
            }
        } finally {
            draining.set(false);
        }
        drainIfIdle(); // a step queued after the last take but before draining was cleared
    }

    private List<Step> takeQueued() {
        List<Step> batch = new ArrayList<>();
        Step step;
        while ((step = queued.poll()) != null) {
            batch.add(step);
        }
        return batch;
    }

    private void write(List<Step> batch) {
        // A table waits for its step before its next move, so a hand has one step in a batch; should it have two
        // from the same index, the later one is the one to keep (one statement cannot upsert a row twice).
        Map<StepKey, Step> byKey = new LinkedHashMap<>();
        for (Step step : batch) {
            byKey.put(new StepKey(step.handId, step.firstEvent), step);
        }
        Set<StepKey> stored;
        // One statement in auto-commit: its own transaction, so the batch costs one round trip (no SET LOCAL, no COMMIT).
        try (CommitWatch.Commit watched = commits.started(); SqlSession session = database.openSession(true)) {
            stored = new HashSet<>(session.getMapper(HandHistoryMapper.class).upsertProgressSteps(StepArrays.of(byKey.values())));
        } catch (RuntimeException failed) {
            batch.forEach(step -> step.done.completeExceptionally(failed));
            return;
        }
        batches.increment();
        written.add(stored.size());
        for (Step step : batch) {
            if (stored.contains(new StepKey(step.handId, step.firstEvent))) {
                step.done.complete(null);
            } else if (step.fence != null) {
                step.done.completeExceptionally(new FencedException(step.fence, null));
            } else { // the statement stores every unfenced step; should it not, the table must not wait for ever
                step.done.completeExceptionally(new IllegalStateException("hand " + step.handId + "'s step from event "
                        + step.firstEvent + " was not stored"));
            }
        }
    }

    private record Step(long handId, int firstEvent, String events, Fence fence, CompletableFuture<Void> done) {
    }

    /**
     * A stored step's row key, as the statement returns it. Public for MyBatis, which builds one a row: a constructor
     * it may not call is retried after {@code setAccessible}, each time, so every row cost an exception and its stack.
     */
    public record StepKey(long handId, int firstEvent) {
    }

    /** A batch as the statement's arrays, one element a step. */
    record StepArrays(Long[] handIds, Integer[] firstEvents, String[] events, String[] fenceNames, Long[] fenceEpochs) {

        static StepArrays of(Collection<Step> steps) {
            int n = steps.size();
            StepArrays arrays = new StepArrays(new Long[n], new Integer[n], new String[n], new String[n], new Long[n]);
            int i = 0;
            for (Step step : steps) {
                arrays.handIds[i] = step.handId;
                arrays.firstEvents[i] = step.firstEvent;
                arrays.events[i] = step.events;
                arrays.fenceNames[i] = step.fence == null ? null : step.fence.name();
                arrays.fenceEpochs[i] = step.fence == null ? null : step.fence.epoch();
                i++;
            }
            return arrays;
        }
    }
}
