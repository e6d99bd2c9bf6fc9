package io.chipledger.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.ledger.Fence;
import io.chipledger.ledger.FencedException;
import io.chipledger.ledger.db.CommitWatch;
import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.lease.LeaseMapper;
import io.chipledger.ledger.lease.Leases;
import io.chipledger.ledger.testing.SharedPostgres;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every table's progress steps go to the database together: what queues while a batch is written goes in the next
 * batch, one statement and one commit, and a step whose table's lease moved on is refused without holding back the
 * others. The worker here runs a task only when the test says so, so what is batched with what is not left to timing.
 */
class ProgressStepsTest {

    private final Database database = SharedPostgres.freshDatabase();
    private final List<Runnable> workerTasks = new ArrayList<>();
    private final ProgressSteps steps;

    ProgressStepsTest() {
        ServerSchema.migrate(database.dataSource());
        ServerSchema.registerMappers(database.sqlSessionFactory());
        steps = new ProgressSteps(database.sqlSessionFactory(), workerTasks::add, new CommitWatch());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void stepsQueuedWhileNoDrainRanAreWrittenInOneBatch() {
        List<CompletableFuture<Void>> appended = new ArrayList<>();
        for (long hand = 1; hand <= 10; hand++) {
            appended.add(steps.append(hand, 3, "[{\"type\":\"checked\",\"seat\":" + hand + "}]", null));
        }

        assertThat(workerTasks).as("one drain for all ten").hasSize(1);
        assertThat(appended).noneMatch(CompletableFuture::isDone);
        runWorker();

        assertThat(appended).allMatch(step -> step.isDone() && !step.isCompletedExceptionally());
        assertThat(steps.batches()).isEqualTo(1);
        assertThat(steps.stepsWritten()).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM hand_progress_step WHERE first_event = 3")).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM hand_progress_step WHERE hand_id = 7 AND events->0->>'seat' = '7'"))
                .as("each hand's own events").isEqualTo(1);
    }

    @Test
    void aStepWrittenAgainFromTheSameEventReplacesItsRow() {
        steps.append(5, 2, "[{\"n\":1}]", null);
        runWorker();
        CompletableFuture<Void> again = steps.append(5, 2, "[{\"n\":1},{\"n\":2}]", null);
        runWorker();

        assertThat(again).isCompleted();
        assertThat(count("SELECT jsonb_array_length(events) FROM hand_progress_step WHERE hand_id = 5")).isEqualTo(2);
        assertThat(steps.batches()).isEqualTo(2);
    }

    @Test
    void aStepUnderALeaseClaimedAgainIsRefusedAndTheRestOfItsBatchIsStored() throws Exception {
        Leases leases = new Leases(database.sqlSessionFactory());
        Fence stale = leases.claim("table:1", "node-a", Duration.ofMinutes(1)).orElseThrow();
        Fence standing = leases.claim("table:2", "node-a", Duration.ofMinutes(1)).orElseThrow();
        Fence taken = claimAgain("table:1", "node-b");

        CompletableFuture<Void> refused = steps.append(11, 0, "[]", stale);
        CompletableFuture<Void> fenced = steps.append(12, 0, "[]", standing);
        CompletableFuture<Void> unfenced = steps.append(13, 0, "[]", null);
        CompletableFuture<Void> byNewOwner = steps.append(14, 0, "[]", taken);
        runWorker();

        assertThatThrownBy(refused::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(FencedException.class);
        assertThat(List.of(fenced, unfenced, byNewOwner)).allMatch(step -> step.isDone() && !step.isCompletedExceptionally());
        assertThat(count("SELECT count(*) FROM hand_progress_step WHERE hand_id = 11")).as("nothing under a stale epoch").isZero();
        assertThat(count("SELECT count(*) FROM hand_progress_step WHERE hand_id IN (12, 13, 14)")).isEqualTo(3);
        assertThat(steps.batches()).isEqualTo(1);
    }

    @Test
    void aBatchThatFailsFailsEachOfItsStepsAndTheNextBatchIsWritten() {
        CompletableFuture<Void> broken = steps.append(21, 0, "not json", null);
        CompletableFuture<Void> withIt = steps.append(22, 0, "[]", null);
        runWorker();
        CompletableFuture<Void> later = steps.append(23, 0, "[]", null);
        runWorker();

        assertThat(broken).isCompletedExceptionally();
        assertThat(withIt).as("written in the same statement, so not written").isCompletedExceptionally();
        assertThat(later).isCompleted().isNotCompletedExceptionally();
        assertThat(count("SELECT count(*) FROM hand_progress_step")).isEqualTo(1);
    }

    /** Runs what the worker was given, including the drains those tasks hand it. */
    private void runWorker() {
        while (!workerTasks.isEmpty()) {
            workerTasks.remove(0).run();
        }
    }

    /** What a node taking a table over does once its lease ran out (forced here): a claim at a higher epoch. */
    private Fence claimAgain(String name, String node) throws Exception {
        try (SqlSession session = database.sqlSessionFactory().openSession(false)) {
            try (Statement expire = session.getConnection().createStatement()) {
                expire.execute("UPDATE lease SET expires_at = clock_timestamp() - interval '1 second' WHERE name = '" + name + "'");
            }
            Long epoch = session.getMapper(LeaseMapper.class).claim(name, node, Duration.ofMinutes(1).toMillis());
            session.commit();
            return new Fence(name, epoch);
        }
    }

    private long count(String sql) {
        try (SqlSession session = database.sqlSessionFactory().openSession(true);
             Statement statement = session.getConnection().createStatement();
             var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
