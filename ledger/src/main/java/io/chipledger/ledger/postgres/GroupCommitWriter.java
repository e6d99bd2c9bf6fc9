package io.chipledger.ledger.postgres;

import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.RejectReason;
import io.chipledger.ledger.db.CommitWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One writer thread: drains its queue into batches and commits each batch in one transaction, so one fsync serves
 * every posting in it. Futures complete on the callback executor only after their batch committed, never on this
 * thread, so no caller's continuation can stall the writer.
 */
final class GroupCommitWriter implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    private static final long POLL_MILLIS = 50;

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final BatchTransaction transaction;
    private final LedgerSettings settings;
    private final Executor callbacks;
    private final AtomicLong batches;
    private final AtomicLong written;
    private final CommitWatch commits;
    private volatile boolean running = true;

    /** @param commits told of each attempt while it is in flight: one that waits too long means the database is lost */
    GroupCommitWriter(BatchTransaction transaction, LedgerSettings settings, Executor callbacks, AtomicLong batches,
                      AtomicLong written, CommitWatch commits) {
        this.commits = commits;
        this.transaction = transaction;
        this.settings = settings;
        this.callbacks = callbacks;
        this.batches = batches;
        this.written = written;
    }

    void submit(Pending pending) {
        queue.add(pending);
    }

    /** Lets the queue drain, then ends {@link #run()}. */
    void stop() {
        running = false;
    }

    /**
     * Gives up on what is still queued (never sent to the database, so surely not written: rejected as
     * LEDGER_CLOSED) and ends {@link #run()} even while it waits on a database that went away.
     */
    void abandonQueued(Thread thread) {
        running = false;
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        abandon(left);
        thread.interrupt();
    }

    @Override
    public void run() {
        List<Pending> batch = new ArrayList<>(settings.maxBatch());
        try {
            while (running || !queue.isEmpty()) {
                Pending first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(batch);
                process(List.copyOf(batch));
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // A batch cut short may or may not have committed; only postings never taken are surely not written.
            LedgerException unknown = new LedgerException("the ledger stopped while writing; post again with the same "
                    + "key to learn the outcome", null);
            List<Pending> interrupted = List.copyOf(batch);
            callbacks.execute(() -> interrupted.forEach(p -> p.future().completeExceptionally(unknown)));
            List<Pending> left = new ArrayList<>();
            queue.drainTo(left);
            abandon(left);
        }
    }

    /**
     * Takes what is queued, then waits for more, up to the batch size: until the linger time is over, or sooner once
     * no posting arrived for the quiet time.
     */
    private void gather(List<Pending> batch) throws InterruptedException {
        queue.drainTo(batch, settings.maxBatch() - batch.size());
        long deadline = System.nanoTime() + settings.linger().toNanos();
        while (batch.size() < settings.maxBatch()) {
            long wait = Math.min(deadline - System.nanoTime(), settings.quiet().toNanos());
            if (wait <= 0) {
                return;
            }
            Pending next = queue.poll(wait, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, settings.maxBatch() - batch.size());
        }
    }

    private void process(List<Pending> batch) throws InterruptedException {
        List<PostingResult> results;
        try {
            results = commitWithRetries(batch);
        } catch (RuntimeException failure) {
            if (batch.size() > 1 && !Failures.databaseAway(failure)) {
                // One posting may trip a database check the in-memory rules missed: isolate it, save the rest.
                LOG.warn("batch of {} failed ({}); retrying its postings one by one", batch.size(), failure.toString());
                for (Pending pending : batch) {
                    process(List.of(pending));
                }
                return;
            }
            LOG.error("a batch of {} failed and its outcome is unknown", batch.size(), failure);
            callbacks.execute(() -> batch.forEach(p -> p.future().completeExceptionally(new LedgerException("posting "
                    + p.key() + " failed and its outcome is unknown; post it again with the same key to learn it",
                    failure))));
            return;
        }
        batches.incrementAndGet();
        written.addAndGet(batch.size());
        callbacks.execute(() -> {
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).future().complete(results.get(i));
            }
        });
    }

    /**
     * Commits the batch, trying again after serialization failures and deadlocks (a few times) and while the database
     * is away (a failover, a restart: for up to the outage wait). A commit whose answer was lost is resolved by looking
     * its keys up on the server that takes writes now, asked again until it answers; only if the batch did not commit
     * is it applied again. A posting committed by a lost commit of ours is reported as committed, not as a replay.
     */
    private List<PostingResult> commitWithRetries(List<Pending> batch) throws InterruptedException {
        long pauseNanos = settings.backoff().toNanos();
        long outageSince = 0;
        Set<Long> lostIds = new HashSet<>();
        for (int attempt = 1; ; attempt++) {
            // Watched, never cut short: a commit waiting for a synchronous standby is left to wait (see CommitWatch).
            try (CommitWatch.Commit watched = commits.started()) {
                return asCommitted(transaction.attempt(batch), lostIds);
            } catch (LostCommit lost) {
                LOG.warn("the connection broke while a batch of {} committed; asking the database whether it did",
                        batch.size(), lost.getCause());
                lostIds.addAll(lost.postingIds());
                List<PostingResult> resolved = resolve(lost);
                if (resolved != null) {
                    LOG.info("the lost commit of a batch of {} had happened; its postings stand", batch.size());
                    return resolved;
                }
                LOG.warn("the lost commit of a batch of {} had not happened; applying it again", batch.size());
                continue;
            } catch (RuntimeException failure) {
                if (Failures.databaseAway(failure)) {
                    outageSince = outageSince == 0 ? System.nanoTime() : outageSince;
                    if (System.nanoTime() - outageSince > settings.outageWait().toNanos()) {
                        throw failure;
                    }
                    LOG.info("database away ({}); batch of {} waits", Failures.sqlState(failure), batch.size());
                } else if (attempt >= settings.maxAttempts() || !Failures.retryable(failure)) {
                    throw failure;
                } else {
                    LOG.info("batch of {} attempt {} failed with SQLSTATE {}; retrying", batch.size(), attempt,
                            Failures.sqlState(failure));
                }
            }
            TimeUnit.NANOSECONDS.sleep(pauseNanos);
            pauseNanos = Math.min(pauseNanos * 2, settings.backoff().toNanos() * 100);
        }
    }

    /** Asks until the database answers whether the lost commit happened (within the outage wait). */
    private List<PostingResult> resolve(LostCommit lost) throws InterruptedException {
        long since = System.nanoTime();
        long pauseNanos = settings.backoff().toNanos();
        while (true) {
            try (CommitWatch.Commit watched = commits.started()) {
                return transaction.resolve(lost);
            } catch (RuntimeException failure) {
                if (!Failures.databaseAway(failure) || System.nanoTime() - since > settings.outageWait().toNanos()) {
                    failure.addSuppressed(lost);
                    throw failure;
                }
            }
            TimeUnit.NANOSECONDS.sleep(pauseNanos);
            pauseNanos = Math.min(pauseNanos * 2, settings.backoff().toNanos() * 100);
        }
    }

    /**
     * A lost commit found not to have happened may yet commit (its transaction was still waiting for a standby when we
     * asked): the batch applied again then finds its keys, under the ids our lost write gave them. Ours, so committed.
     */
    private static List<PostingResult> asCommitted(List<PostingResult> results, Set<Long> lostIds) {
        if (lostIds.isEmpty()) {
            return results;
        }
        return results.stream().map(r -> r instanceof PostingResult.Replayed replay && lostIds.contains(replay.postingId())
                ? new PostingResult.Committed(replay.postingId(), replay.transferIds()) : r).toList();
    }

    private void abandon(List<Pending> pendings) {
        if (pendings.isEmpty()) {
            return;
        }
        List<Pending> copy = List.copyOf(pendings);
        callbacks.execute(() -> copy.forEach(p -> p.future().complete(new PostingResult.Rejected(
                RejectReason.LEDGER_CLOSED, "the ledger stopped before posting " + p.key() + " was written"))));
    }
}
