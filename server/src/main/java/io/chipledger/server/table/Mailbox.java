package io.chipledger.server.table;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One table's ordered executor (lila's AsyncActor, okhttp's TaskQueue): tasks run one at a time, in submission order,
 * on a shared executor. A task returns a stage (typically a ledger commit); the next task starts only when that stage
 * completes, and no thread waits meanwhile. An idle mailbox costs no thread, so thousands of tables share a few.
 *
 * <p>Invariant: at most one task of a mailbox is running or awaiting its stage at any moment.
 */
public final class Mailbox {

    private final Executor executor;
    private final Queue<Task<?>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public Mailbox(Executor executor) {
        this.executor = executor;
    }

    /** Queues a task; the returned future completes with the task's own stage, after it ran in turn. */
    public <T> CompletableFuture<T> submit(Supplier<? extends CompletionStage<T>> task) {
        Task<T> queued = new Task<>(task);
        queue.add(queued);
        scheduleIfIdle();
        return queued.result;
    }

    /** Queues a task with no asynchronous part. */
    public CompletableFuture<Void> run(Runnable task) {
        return submit(() -> {
            task.run();
            return CompletableFuture.completedFuture(null);
        });
    }

    private void scheduleIfIdle() {
        if (!queue.isEmpty() && scheduled.compareAndSet(false, true)) {
            executor.execute(this::runNext);
        }
    }

    /** Runs queued tasks until one is still pending, then continues from its completion. */
    private void runNext() {
        Task<?> task;
        while ((task = queue.poll()) != null) {
            CompletableFuture<?> stage = task.start();
            if (!stage.isDone()) {
                stage.whenComplete((value, failure) -> executor.execute(this::runNext));
                return;
            }
        }
        scheduled.set(false);
        // A task queued after poll() found the queue empty but before the flag was cleared would otherwise wait forever.
        scheduleIfIdle();
    }

    private static final class Task<T> {
        private final Supplier<? extends CompletionStage<T>> body;
        private final CompletableFuture<T> result = new CompletableFuture<>();

        Task(Supplier<? extends CompletionStage<T>> body) {
            this.body = body;
        }

        /** Runs the body; a body that throws fails its own future and does not stop the mailbox. */
        CompletableFuture<T> start() {
            try {
                body.get().whenComplete((value, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(failure);
                    } else {
                        result.complete(value);
                    }
                });
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
            return result;
        }
    }
}
