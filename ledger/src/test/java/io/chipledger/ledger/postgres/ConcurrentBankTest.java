package io.chipledger.ledger.postgres;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Leg;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.PostingResult.Committed;
import io.chipledger.ledger.PostingResult.Rejected;
import io.chipledger.ledger.PostingResult.Replayed;
import io.chipledger.ledger.RejectReason;
import io.chipledger.ledger.TransferKind;
import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.ledger.db.Database;
import io.chipledger.money.Money;
import io.chipledger.ledger.testing.SharedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.chipledger.ledger.testing.LedgerScenario.postAndWait;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many callers hammering a few contended accounts, a third of them replaying earlier keys, while readers check
 * conservation in consistent snapshots. Afterwards the database must agree with a model built from the results.
 */
class ConcurrentBankTest {

    private static final int THREADS = 16;
    private static final int POSTINGS_PER_THREAD = 250;
    private static final long SEED = Long.getLong("bank.seed", 20261125L);

    private static Database database;
    private static PostgresLedger ledger;
    private static ExecutorService callbacks;

    @BeforeAll
    static void start() {
        database = SharedPostgres.freshDatabase();
        callbacks = Executors.newFixedThreadPool(2);
        ledger = PostgresLedger.start(database, LedgerSettings.defaults().withMaxBatch(64), Clock.systemUTC(), callbacks);
    }

    @AfterAll
    static void stop() {
        ledger.close();
        database.close();
        callbacks.shutdownNow();
    }

    @Test
    void chipsAreConservedAndMoveOnceUnderConcurrentTransfersAndReplays() throws Exception {
        Account cashier = ledger.openAccount(AccountKind.CASHIER, "house", "CHP");
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Account wallet = ledger.openAccount(AccountKind.WALLET, "player-" + i, "CHP");
            postAndWait(ledger, Posting.single("fund-" + i, TransferKind.DEPOSIT, cashier.id(), wallet.id(),
                    Money.of("500.00")));
            accounts.add(wallet);
            accounts.add(ledger.openAccount(AccountKind.SEAT, "table-1/seat-" + i, "CHP"));
        }
        accounts.add(ledger.openAccount(AccountKind.POT, "table-1", "CHP"));

        List<Posting> issued = new CopyOnWriteArrayList<>();
        Map<String, List<Outcome>> outcomes = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger snapshots = new AtomicInteger();
        List<String> readerViolations = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 2);
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            readers.add(pool.submit(() -> {
                while (running.get()) {
                    readerViolations.addAll(checkSnapshot());
                    snapshots.incrementAndGet();
                }
                return null;
            }));
        }
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(SEED + t);
            int thread = t;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < POSTINGS_PER_THREAD; i++) {
                    Posting posting = nextPosting(random, thread, i, accounts, issued);
                    PostingResult result = ledger.post(posting).get(60, TimeUnit.SECONDS);
                    outcomes.computeIfAbsent(posting.idempotencyKey(), k -> new CopyOnWriteArrayList<>())
                            .add(new Outcome(posting, result));
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(5, TimeUnit.MINUTES);
        }
        running.set(false);
        for (Future<?> reader : readers) {
            reader.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(readerViolations).as("seed %d", SEED).isEmpty();
        assertThat(snapshots.get()).isPositive();
        Map<Long, Money> expected = new HashMap<>();
        int committedKeys = 0;
        int replays = 0;
        for (Map.Entry<String, List<Outcome>> outcome : outcomes.entrySet()) {
            List<Outcome> commits = outcome.getValue().stream().filter(o -> o.result() instanceof Committed).toList();
            assertThat(commits).as("commits of key %s", outcome.getKey()).hasSizeLessThanOrEqualTo(1);
            replays += (int) outcome.getValue().stream().filter(o -> o.result() instanceof Replayed).count();
            if (commits.size() == 1) {
                committedKeys++;
                Committed commit = (Committed) commits.get(0).result();
                Posting original = commits.get(0).posting();
                for (Outcome o : outcome.getValue()) {
                    if (o.result() instanceof Replayed replayed) {
                        assertThat(replayed.postingId()).isEqualTo(commit.postingId());
                        assertThat(o.posting()).isEqualTo(original);
                    } else if (o.result() instanceof Rejected rejected
                            && rejected.reason() == RejectReason.IDEMPOTENCY_CONFLICT) {
                        assertThat(o.posting()).isNotEqualTo(original);
                    }
                }
                for (Leg leg : original.legs()) {
                    expected.merge(leg.fromAccountId(), leg.amount().negate(), Money::plus);
                    expected.merge(leg.toAccountId(), leg.amount(), Money::plus);
                }
            }
        }
        assertThat(replays).as("replays exercised").isGreaterThan(THREADS * POSTINGS_PER_THREAD / 10);
        assertThat(committedKeys).as("transfers committed").isGreaterThan(THREADS * POSTINGS_PER_THREAD / 4);
        for (Account account : accounts) {
            Money start = account.kind() == AccountKind.WALLET ? Money.of("500.00") : Money.ZERO;
            assertThat(ledger.balance(account.id())).as("balance of account %d", account.id())
                    .isEqualTo(start.plus(expected.getOrDefault(account.id(), Money.ZERO)));
        }
        AuditReport report = new LedgerAuditor(database.sqlSessionFactory()).audit();
        assertThat(report.findings()).isEmpty();
        assertThat(report.totals().postings()).isEqualTo(committedKeys + 6);
    }

    private record Outcome(Posting posting, PostingResult result) {
    }

    /** A fresh transfer, or (one time in three) an earlier posting again, sometimes with altered content. */
    private static Posting nextPosting(Random random, int thread, int i, List<Account> accounts, List<Posting> issued) {
        if (random.nextInt(3) == 0 && !issued.isEmpty()) {
            Posting earlier = issued.get(random.nextInt(issued.size()));
            if (random.nextInt(8) == 0) {
                Leg leg = earlier.legs().get(0);
                return new Posting(earlier.idempotencyKey(), earlier.kind(), null, null, null, List.of(
                        new Leg(leg.fromAccountId(), leg.toAccountId(), leg.amount().plus(Money.CENT), leg.kind())));
            }
            return earlier;
        }
        Account from = accounts.get(random.nextInt(accounts.size()));
        Account to = accounts.get(random.nextInt(accounts.size()));
        while (to.id() == from.id()) {
            to = accounts.get(random.nextInt(accounts.size()));
        }
        Money amount = Money.ofCents(1 + random.nextInt(6000));
        Posting posting = Posting.single("bank-" + thread + "-" + i, TransferKind.BET, from.id(), to.id(), amount);
        issued.add(posting);
        return posting;
    }

    private static List<String> checkSnapshot() throws SQLException {
        List<String> violations = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try (Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT currency, sum(balance) FROM account GROUP BY currency")) {
                    while (r.next()) {
                        if (r.getBigDecimal(2).signum() != 0) {
                            violations.add(r.getString(1) + " balances sum to " + r.getBigDecimal(2));
                        }
                    }
                }
                try (ResultSet r = s.executeQuery(
                        "SELECT id, balance FROM account WHERE kind <> 'CASHIER' AND balance < 0")) {
                    while (r.next()) {
                        violations.add("account " + r.getLong(1) + " at " + r.getBigDecimal(2));
                    }
                }
            }
            c.rollback();
        }
        return violations;
    }

}
