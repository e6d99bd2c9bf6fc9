package io.chipledger.server.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MailboxTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void tasksRunOneAtATimeInSubmissionOrderEvenFromManyThreads() throws Exception {
        Mailbox mailbox = new Mailbox(pool);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        List<Integer> perSubmitterOrder = Collections.synchronizedList(new ArrayList<>());
        int submitters = 8;
        int perSubmitter = 2_000;
        CountDownLatch done = new CountDownLatch(submitters * perSubmitter);
        ExecutorService submitPool = Executors.newFixedThreadPool(submitters);
        for (int s = 0; s < submitters; s++) {
            int submitter = s;
            submitPool.execute(() -> {
                for (int i = 0; i < perSubmitter; i++) {
                    int sequence = i;
                    mailbox.submit(() -> {
                        maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                        if (submitter == 0) {
                            perSubmitterOrder.add(sequence);
                        }
                        // Half the tasks finish later on another thread, like a ledger commit.
                        CompletableFuture<Void> stage = sequence % 2 == 0
                                ? CompletableFuture.completedFuture(null)
                                : CompletableFuture.runAsync(() -> { }, pool);
                        return stage.whenComplete((v, f) -> {
                            running.decrementAndGet();
                            done.countDown();
                        });
                    });
                }
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        submitPool.shutdown();
        assertThat(maxRunning.get()).isEqualTo(1);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < perSubmitter; i++) {
            expected.add(i);
        }
        assertThat(perSubmitterOrder).isEqualTo(expected);
    }

    @Test
    void theNextTaskWaitsForThePreviousTasksStage() throws Exception {
        Mailbox mailbox = new Mailbox(pool);
        CompletableFuture<String> commit = new CompletableFuture<>();
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> first = mailbox.submit(() -> {
            log.add("first started");
            return commit;
        });
        CompletableFuture<Void> second = mailbox.run(() -> log.add("second ran"));
        Thread.sleep(50); // give a wrong implementation the chance to run the second task early
        assertThat(log).containsExactly("first started");
        commit.complete("committed");
        second.get(5, TimeUnit.SECONDS);
        assertThat(first.get()).isEqualTo("committed");
        assertThat(log).containsExactly("first started", "second ran");
    }

    @Test
    void aFailingTaskFailsItsOwnFutureAndTheMailboxGoesOn() throws Exception {
        Mailbox mailbox = new Mailbox(pool);
        CompletableFuture<Void> failing = mailbox.run(() -> {
            throw new IllegalStateException("boom");
        });
        CompletableFuture<Object> failingStage = mailbox.submit(() -> CompletableFuture.failedFuture(new IllegalArgumentException("bad")));
        CompletableFuture<Integer> after = mailbox.submit(() -> CompletableFuture.completedFuture(7));
        assertThat(after.get(5, TimeUnit.SECONDS)).isEqualTo(7);
        assertThat(failing).isCompletedExceptionally();
        assertThat(failingStage).isCompletedExceptionally();
    }
}
