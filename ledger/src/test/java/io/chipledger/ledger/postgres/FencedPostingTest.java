package io.chipledger.ledger.postgres;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Fence;
import io.chipledger.ledger.Leg;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.PostingResult.Committed;
import io.chipledger.ledger.PostingResult.Rejected;
import io.chipledger.ledger.PostingResult.Replayed;
import io.chipledger.ledger.RejectReason;
import io.chipledger.ledger.TransferKind;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.lease.FenceGuard;
import io.chipledger.ledger.lease.Leases;
import io.chipledger.ledger.testing.LedgerScenario;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.money.Money;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

import static io.chipledger.ledger.testing.LedgerScenario.postAndWait;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two ledgers on one database, as two game nodes: the table's lease moves from the first to the second, and every
 * posting the first makes under its old epoch is refused as FENCED and moves nothing, whether its writer remembered
 * the accounts (one round trip, checked by the write itself) or locked them first.
 */
class FencedPostingTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private Database database;
    private Leases leases;
    private PostgresLedger zombie;
    private PostgresLedger successor;
    private Account alice;
    private Account pot;

    @BeforeEach
    void start() {
        database = SharedPostgres.freshDatabase();
        leases = new Leases(database.sqlSessionFactory());
        zombie = PostgresLedger.start(database);
        successor = PostgresLedger.start(database);
        Account cashier = zombie.openAccount(AccountKind.CASHIER, "house", "CHP");
        alice = zombie.openAccount(AccountKind.SEAT, "table:1/player:1", "CHP");
        pot = zombie.openAccount(AccountKind.POT, "table:1", "CHP");
        assertThat(postAndWait(zombie, Posting.single("fund", TransferKind.DEPOSIT, cashier.id(), alice.id(),
                Money.of("100.00")))).isInstanceOf(Committed.class);
    }

    @AfterEach
    void stop() {
        zombie.close();
        successor.close();
        database.close();
    }

    @Test
    void aPostingUnderAnEpochThatWasClaimedAgainIsRefusedAndMovesNothing() {
        Fence old = leases.claim("table:1", "node-a", Duration.ZERO).orElseThrow();
        assertThat(postAndWait(zombie, bet("h1-1", "2.00", old))).isInstanceOf(Committed.class);
        PostgresLedger.LedgerStats before = zombie.stats();
        Fence current = leases.claim("table:1", "node-b", MINUTE).orElseThrow();

        PostingResult refused = postAndWait(zombie, bet("h1-2", "5.00", old));

        assertThat(refused).isInstanceOf(Rejected.class);
        assertThat(((Rejected) refused).reason()).isEqualTo(RejectReason.FENCED);
        assertThat(((Rejected) refused).message()).contains("table:1@1", "epoch 2");
        // Its writer remembered both accounts: the one-round-trip write itself was refused, then the locked path.
        assertThat(zombie.stats().refusedWrites() - before.refusedWrites()).isEqualTo(1);
        assertThat(zombie.balance(alice.id())).isEqualTo(Money.of("98.00"));
        assertThat(zombie.balance(pot.id())).isEqualTo(Money.of("2.00"));
        assertThat(keysInJournal()).doesNotContain("h1-2");

        assertThat(postAndWait(successor, bet("h2-1", "5.00", current))).isInstanceOf(Committed.class);
        assertThat(successor.balance(pot.id())).isEqualTo(Money.of("7.00"));
        assertThat(new LedgerAuditor(database.sqlSessionFactory()).audit().findings()).isEmpty();
    }

    @Test
    void aWriterThatNeverSawTheAccountsRefusesTheStaleEpochUnderLocks() {
        Fence old = leases.claim("table:1", "node-a", Duration.ZERO).orElseThrow();
        leases.claim("table:1", "node-b", MINUTE);
        PostgresLedger fresh = PostgresLedger.start(database);
        try {
            PostingResult refused = postAndWait(fresh, bet("h1-1", "5.00", old));

            assertThat(refused).isInstanceOf(Rejected.class);
            assertThat(((Rejected) refused).reason()).isEqualTo(RejectReason.FENCED);
            assertThat(fresh.stats().oneRoundTripAttempts()).isZero();
            assertThat(zombie.balance(pot.id())).isEqualTo(Money.ZERO);
        } finally {
            fresh.close();
        }
    }

    @Test
    void theOldHolderLearnsNothingFromAReplayWhileTheNewOneGetsTheOriginalAnswer() {
        Fence old = leases.claim("table:1", "node-a", Duration.ZERO).orElseThrow();
        Committed original = (Committed) postAndWait(zombie, bet("h1-1", "2.00", old));
        Fence current = leases.claim("table:1", "node-b", MINUTE).orElseThrow();

        PostingResult again = postAndWait(zombie, bet("h1-1", "2.00", old));
        PostingResult asked = postAndWait(successor, bet("h1-1", "2.00", current));

        assertThat(again).isInstanceOf(Rejected.class);
        assertThat(((Rejected) again).reason()).isEqualTo(RejectReason.FENCED);
        // The fence is not part of the posting's content: the same request under the new epoch is the same request.
        assertThat(asked).isEqualTo(new Replayed(original.postingId(), original.transferIds()));
        assertThat(zombie.balance(pot.id())).isEqualTo(Money.of("2.00"));
    }

    @Test
    void aFenceNamingNoLeaseIsRefused() {
        PostingResult refused = postAndWait(zombie, bet("h1-1", "2.00", new Fence("table:404", 1)));

        assertThat(refused).isInstanceOf(Rejected.class);
        assertThat(((Rejected) refused).message()).contains("does not exist");
        assertThat(zombie.balance(pot.id())).isEqualTo(Money.ZERO);
    }

    @Test
    void inOneBatchOnlyThePostingsWhoseFenceStandsCommit() {
        Account bob = zombie.openAccount(AccountKind.SEAT, "table:2/player:2", "CHP");
        Account pot2 = zombie.openAccount(AccountKind.POT, "table:2", "CHP");
        Account cashier = zombie.openAccount(AccountKind.CASHIER, "house", "CHP");
        postAndWait(zombie, Posting.single("fund-bob", TransferKind.DEPOSIT, cashier.id(), bob.id(), Money.of("50.00")));
        Fence table1 = leases.claim("table:1", "node-a", MINUTE).orElseThrow();
        Fence staleTable2 = leases.claim("table:2", "node-a", Duration.ZERO).orElseThrow();
        leases.claim("table:2", "node-b", MINUTE);
        ExecutorService callbacks = Executors.newSingleThreadExecutor();
        // One writer that waits long enough for both postings to share its batch.
        PostgresLedger oneWriter = PostgresLedger.start(database, LedgerSettings.defaults().withWriters(1)
                .withLinger(Duration.ofMillis(500)).withQuiet(Duration.ofMillis(500)), Clock.systemUTC(), callbacks);
        try {
            List<CompletableFuture<PostingResult>> both = new ArrayList<>();
            both.add(oneWriter.post(bet("t1", "1.00", table1)));
            both.add(oneWriter.post(new Posting("t2", TransferKind.BET, "table:2", "t2-h1", null,
                    List.of(new Leg(bob.id(), pot2.id(), Money.of("1.00"), TransferKind.BET)),
                    staleTable2)));
            CompletableFuture.allOf(both.toArray(CompletableFuture[]::new)).join();

            assertThat(both.get(0).join()).isInstanceOf(Committed.class);
            assertThat(((Rejected) both.get(1).join()).reason()).isEqualTo(RejectReason.FENCED);
            assertThat(oneWriter.balance(pot2.id())).isEqualTo(Money.ZERO);
            assertThat(oneWriter.balance(pot.id())).isEqualTo(Money.of("1.00"));
        } finally {
            oneWriter.close();
            callbacks.shutdownNow();
        }
    }

    @Test
    void theJournalKeepsTheEpochEachPostingCommittedUnder() {
        Fence first = leases.claim("table:1", "node-a", Duration.ZERO).orElseThrow();
        postAndWait(zombie, bet("h1-1", "1.00", first));
        Fence second = leases.claim("table:1", "node-b", MINUTE).orElseThrow();
        postAndWait(successor, bet("h2-1", "1.00", second));

        assertThat(query("SELECT idempotency_key || ' ' || coalesce(fence_name || '@' || fence_epoch, '-') FROM posting"
                + " ORDER BY idempotency_key")).containsExactly("fund -", "h1-1 table:1@1", "h2-1 table:1@2");
    }

    @Test
    void aClaimWaitsForATransactionThatHoldsTheLeaseAndTheNextEpochStartsAfterItCommits() throws Exception {
        Fence held = leases.claim("table:1", "node-a", Duration.ZERO).orElseThrow();
        try (SqlSession transaction = database.sqlSessionFactory().openSession(false)) {
            FenceGuard.check(transaction, held);

            CompletableFuture<Optional<Fence>> claim = CompletableFuture.supplyAsync(
                    () -> leases.claim("table:1", "node-b", MINUTE), ForkJoinPool.commonPool());
            awaitAClaimWaitingForALock();

            assertThat(claim).isNotDone();
            transaction.commit(true); // forced: MyBatis skips the COMMIT of a session that only read
            assertThat(claim.get(30, TimeUnit.SECONDS)).contains(new Fence("table:1", 2));
        }
    }

    @Test
    void aTransactionLeftIdleHoldingTheLeaseIsEndedByTheServerSoAnotherNodeCanClaimIt() throws Exception {
        Fence held = leases.claim("table:1", "node-a", Duration.ZERO).orElseThrow();
        try (SqlSession paused = database.sqlSessionFactory().openSession(false)) {
            FenceGuard.check(paused, held); // and then the node stops, as under SIGSTOP, its transaction open

            Optional<Fence> claimed = CompletableFuture.supplyAsync(() -> leases.claim("table:1", "node-b", MINUTE),
                    ForkJoinPool.commonPool()).get(2, TimeUnit.MINUTES);

            assertThat(claimed).contains(new Fence("table:1", 2));
            assertThatThrownBy(() -> paused.commit(true)).as("the paused node's transaction was ended").isNotNull();
        }
    }

    private void awaitAClaimWaitingForALock() throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!query("SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO lease%'")
                    .isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the claim never waited for the lock");
    }

    private Posting bet(String key, String amount, Fence fence) {
        return new Posting(key, TransferKind.BET, "table:1", "h", null,
                List.of(new Leg(alice.id(), pot.id(), Money.of(amount), TransferKind.BET)), fence);
    }

    private List<String> keysInJournal() {
        return query("SELECT idempotency_key FROM posting");
    }

    private List<String> query(String sql) {
        return LedgerScenario.strings(database.dataSource(), sql);
    }
}
