package io.chipledger.ledger.postgres;

import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.RejectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
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
    private volatile boolean running = true;

    GroupCommitWriter(BatchTransaction transaction, LedgerSettings settings, Executor callbacks, AtomicLong batches,
                      AtomicLong written) {
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
            if (batch.size() > 1) {
                // One posting may trip a database check the in-memory rules missed: isolate it, save the rest.
                LOG.warn("batch of {} failed ({}); retrying its postings one by one", batch.size(), failure.toString());
                for (Pending pending : batch) {
                    process(List.of(pending));
                }
                return;
            }
            LOG.error("posting {} failed", batch.get(0).key(), failure);
            LedgerException error = new LedgerException("posting " + batch.get(0).key()
                    + " failed and its outcome is unknown; post it again with the same key to learn it", failure);
            callbacks.execute(() -> batch.get(0).future().completeExceptionally(error));
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

    private List<PostingResult> commitWithRetries(List<Pending> batch) throws InterruptedException {
        long pauseNanos = settings.backoff().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                List<PostingResult> results = transaction.attempt(batch);
                if (results != null) {
                    return results;
                }
                LOG.warn("commit of a batch of {} was lost and did not happen; applying it again", batch.size());
            } catch (RuntimeException failure) {
                if (attempt >= settings.maxAttempts() || !Failures.retryable(failure)) {
                    throw failure;
                }
                LOG.info("batch of {} attempt {} failed with SQLSTATE {}; retrying", batch.size(), attempt,
                        Failures.sqlState(failure));
            }
            if (attempt >= settings.maxAttempts()) {
                throw new IllegalStateException("batch not committed after " + attempt + " attempts");
            }
            TimeUnit.NANOSECONDS.sleep(pauseNanos);
            pauseNanos = Math.min(pauseNanos * 2, settings.backoff().toNanos() * 100);
        }
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
