package io.chipledger.server.cli;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.TransferKind;
import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.ledger.db.Database;
import io.chipledger.money.Money;
import io.chipledger.ledger.postgres.LedgerSettings;
import io.chipledger.ledger.postgres.PostgresLedger;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code poker-server bench-ledger [db options] --seconds N [--tables 100] [--warmup 30] [--writers W] [--linger-us L]
 * [--quiet-us Q] [--audit]}:
 * drives single-transfer postings from simulated tables, each with one posting in flight like a table actor, with
 * synchronous_commit on, and prints committed transfers per second and p50/p99 commit latency. The default warm-up is
 * long because the measure is the ledger of a server that runs for days: on two cores the JIT compiler is still busy
 * 20 s into a run (a fifth of the machine, taken from PostgreSQL), and a short warm-up measures that instead.
 */
@Command(name = "bench-ledger", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Measure ledger throughput and commit latency from simulated tables, each with one posting in "
                + "flight like a table actor.", "Use a scratch database: the bench's accounts and transfers stay."})
public final class BenchLedgerCommand implements Callable<Integer> {

    private static final LedgerSettings DEFAULTS = LedgerSettings.defaults();

    @Spec
    private CommandSpec spec;

    @Option(names = "--seconds", required = true, paramLabel = "N", description = "how long to measure")
    private int seconds;

    @Option(names = "--tables", paramLabel = "N", defaultValue = "100",
            description = "simulated tables")
    private int tables;

    @Option(names = "--warmup", paramLabel = "S", defaultValue = "30",
            description = "seconds of warm-up first: on two cores the JIT is still busy 20 s in")
    private int warmupSeconds;

    @Option(names = "--writers", paramLabel = "W", description = "group-commit writer threads")
    private Integer writers;

    @Option(names = "--linger-us", paramLabel = "L", description = "how long a writer waits to fill a batch")
    private Integer lingerMicros;

    @Option(names = "--quiet-us", paramLabel = "Q", description = "how long a writer waits for a quiet queue")
    private Integer quietMicros;

    @Option(names = "--audit", description = "audit the ledger afterwards")
    private boolean audit;

    @Mixin
    private DatabaseOptions database;

    private final PrintStream out;

    BenchLedgerCommand(Terminal terminal) {
        this.out = terminal.out();
    }

    /** The ledger's batching as the options set it, the defaults elsewhere. */
    LedgerSettings settings() {
        LedgerSettings settings = DEFAULTS;
        if (writers != null) {
            settings = settings.withWriters(Ranges.positive(spec, "--writers", writers));
        }
        if (lingerMicros != null) {
            settings = settings.withLinger(Duration.ofNanos(1000L * Math.max(0, lingerMicros)));
        }
        if (quietMicros != null) {
            settings = settings.withQuiet(Duration.ofNanos(1000L * Math.max(0, quietMicros)));
        }
        return settings;
    }

    /** What to run. */
    private record Plan(DatabaseOptions database, int seconds, int tables, int warmupSeconds, LedgerSettings settings,
                        boolean audit) {
    }

    @Override
    public Integer call() throws Exception {
        Ranges.positive(spec, "--seconds", seconds);
        Ranges.positive(spec, "--tables", tables);
        Plan plan = new Plan(database, seconds, tables, Math.max(0, warmupSeconds), settings(), audit);
        ExecutorService callbacks = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "bench-callbacks");
            thread.setDaemon(true);
            return thread;
        });
        try (Database opened = Database.open(plan.database().toConfig());
             PostgresLedger ledger = PostgresLedger.start(opened, plan.settings(), Clock.systemUTC(), callbacks)) {
            out.printf("bench-ledger: %d tables, %d s measured after %d s warm-up, %d writer(s), linger %d us, "
                            + "quiet %d us, synchronous_commit=%s%n",
                    plan.tables(), plan.seconds(), plan.warmupSeconds(), plan.settings().writers(),
                    plan.settings().linger().toNanos() / 1000, plan.settings().quiet().toNanos() / 1000,
                    setting(opened, "synchronous_commit"));
            out.println("database: " + plan.database().describe());
            List<SimulatedTable> simulated = openTables(ledger, plan.tables());
            PostgresLedger.LedgerStats before = ledger.stats();
            long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(plan.warmupSeconds());
            long end = start + TimeUnit.SECONDS.toNanos(plan.seconds());
            simulated.forEach(t -> t.measureBetween(start, end));
            simulated.forEach(SimulatedTable::start);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime()));
            CompletableFuture.allOf(simulated.stream().map(SimulatedTable::stop).toArray(CompletableFuture[]::new))
                    .get(1, TimeUnit.MINUTES);
            report(simulated, plan.seconds(), ledger.stats(), before);
            if (plan.audit()) {
                AuditReport report = new LedgerAuditor(opened.sqlSessionFactory()).audit();
                out.print(report.summary());
                return report.clean() ? 0 : 1;
            }
            return 0;
        } finally {
            callbacks.shutdownNow();
        }
    }

    private List<SimulatedTable> openTables(PostgresLedger ledger, int count) throws Exception {
        String run = "bench-" + System.currentTimeMillis();
        Account cashier = ledger.openAccount(AccountKind.CASHIER, "house", "CHP");
        List<SimulatedTable> tables = new ArrayList<>();
        List<CompletableFuture<PostingResult>> funding = new ArrayList<>();
        for (int t = 0; t < count; t++) {
            String table = run + "/t" + t;
            Account seat = ledger.openAccount(AccountKind.SEAT, table + "/seat1", "CHP");
            Account pot = ledger.openAccount(AccountKind.POT, table, "CHP");
            funding.add(ledger.post(Posting.single(table + "/fund", TransferKind.DEPOSIT, cashier.id(), seat.id(),
                    Money.of("1000.00"))));
            tables.add(new SimulatedTable(ledger, table, seat.id(), pot.id()));
        }
        for (CompletableFuture<PostingResult> f : funding) {
            PostingResult result = f.get(1, TimeUnit.MINUTES);
            if (!result.accepted()) {
                throw new IllegalStateException("could not fund a bench table: " + result);
            }
        }
        return tables;
    }

    private void report(List<SimulatedTable> tables, int seconds, PostgresLedger.LedgerStats after,
                        PostgresLedger.LedgerStats before) {
        long[] all = tables.stream().map(SimulatedTable::latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        long rejected = tables.stream().mapToLong(SimulatedTable::rejected).sum();
        long failed = tables.stream().mapToLong(SimulatedTable::failed).sum();
        long batches = after.batches() - before.batches();
        long postings = after.postings() - before.postings();
        out.printf("transfers/s: %.1f%n", all.length / (double) seconds);
        out.printf("commit latency p50: %s ms  p99: %s ms  max: %s ms%n", millis(percentile(all, 50)),
                millis(percentile(all, 99)), millis(all.length == 0 ? 0 : all[all.length - 1]));
        out.printf("committed in window: %d  rejected: %d  failed: %d  mean batch: %.1f postings%n",
                all.length, rejected, failed, batches == 0 ? 0.0 : postings / (double) batches);
        out.printf("batch attempts: %d in one round trip, %d under locks, %d one-round-trip writes refused%n",
                after.oneRoundTripAttempts() - before.oneRoundTripAttempts(),
                after.lockedAttempts() - before.lockedAttempts(), after.refusedWrites() - before.refusedWrites());
        out.flush();
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(rank, sorted.length - 1))];
    }

    private static String millis(long nanos) {
        return String.format("%.2f", nanos / (double) Duration.ofMillis(1).toNanos());
    }

    private static String setting(Database database, String name) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT current_setting('" + name + "')")) {
            r.next();
            return r.getString(1);
        }
    }
}
