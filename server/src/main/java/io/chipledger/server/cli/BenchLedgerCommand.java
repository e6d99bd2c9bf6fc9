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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code poker-server bench-ledger [db options] --seconds N [--tables 100] [--warmup 30] [--writers W] [--linger-us L]
 * [--quiet-us Q] [--audit]}:
 * drives single-transfer postings from simulated tables, each with one posting in flight like a table actor, with
 * synchronous_commit on, and prints committed transfers per second and p50/p99 commit latency. The default warm-up is
 * long because the measure is the ledger of a server that runs for days: on two cores the JIT compiler is still busy
 * 20 s into a run (a fifth of the machine, taken from PostgreSQL), and a short warm-up measures that instead.
 */
public final class BenchLedgerCommand implements Command {

    private static final int DEFAULT_WARMUP_SECONDS = 30;
    private static final String USAGE = "usage: poker-server bench-ledger " + DatabaseOptions.USAGE
            + " --seconds N [--tables 100] [--warmup " + DEFAULT_WARMUP_SECONDS + "] [--writers "
            + LedgerSettings.defaults().writers()
            + "] [--linger-us " + LedgerSettings.defaults().linger().toNanos() / 1000
            + "] [--quiet-us " + LedgerSettings.defaults().quiet().toNanos() / 1000 + "] [--audit]";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    public BenchLedgerCommand() {
        this(System.out, System.err, System.getenv());
    }

    BenchLedgerCommand(PrintStream out, PrintStream err, Map<String, String> env) {
        this.out = out;
        this.err = err;
        this.env = env;
    }

    @Override
    public String name() {
        return "bench-ledger";
    }

    @Override
    public String summary() {
        return "measure ledger throughput and commit latency from simulated tables";
    }

    /** What to run: parsed from the command line. */
    record Plan(DatabaseOptions database, int seconds, int tables, int warmupSeconds, LedgerSettings settings,
                boolean audit) {

        static Plan parse(List<String> args, Map<String, String> env) {
            DatabaseOptions database = DatabaseOptions.parse(args, env);
            Integer seconds = null;
            int tables = 100;
            int warmup = DEFAULT_WARMUP_SECONDS;
            LedgerSettings settings = LedgerSettings.defaults();
            boolean audit = false;
            List<String> rest = database.remaining();
            for (int i = 0; i < rest.size(); i++) {
                String arg = rest.get(i);
                switch (arg) {
                    case "--seconds" -> seconds = positive(arg, value(rest, ++i, arg));
                    case "--tables" -> tables = positive(arg, value(rest, ++i, arg));
                    case "--warmup" -> warmup = Math.max(0, number(arg, value(rest, ++i, arg)));
                    case "--writers" -> settings = settings.withWriters(positive(arg, value(rest, ++i, arg)));
                    case "--linger-us" -> settings = settings.withLinger(
                            Duration.ofNanos(1000L * Math.max(0, number(arg, value(rest, ++i, arg)))));
                    case "--quiet-us" -> settings = settings.withQuiet(
                            Duration.ofNanos(1000L * Math.max(0, number(arg, value(rest, ++i, arg)))));
                    case "--audit" -> audit = true;
                    default -> throw new IllegalArgumentException("unknown argument " + arg);
                }
            }
            if (seconds == null) {
                throw new IllegalArgumentException("--seconds is required");
            }
            return new Plan(database, seconds, tables, warmup, settings, audit);
        }

        private static String value(List<String> args, int i, String name) {
            if (i >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args.get(i);
        }

        private static int positive(String name, String text) {
            int n = number(name, text);
            if (n < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, was " + n);
            }
            return n;
        }

        private static int number(String name, String text) {
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a whole number, was " + text);
            }
        }
    }

    @Override
    public int run(List<String> args) throws Exception {
        Plan plan;
        try {
            plan = Plan.parse(args, env);
        } catch (IllegalArgumentException e) {
            err.println("bench-ledger: " + e.getMessage() + "\n" + USAGE);
            return 2;
        }
        ExecutorService callbacks = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "bench-callbacks");
            thread.setDaemon(true);
            return thread;
        });
        try (Database database = Database.open(plan.database().toConfig());
             PostgresLedger ledger = PostgresLedger.start(database, plan.settings(), Clock.systemUTC(), callbacks)) {
            out.printf("bench-ledger: %d tables, %d s measured after %d s warm-up, %d writer(s), linger %d us, "
                            + "quiet %d us, synchronous_commit=%s%n",
                    plan.tables(), plan.seconds(), plan.warmupSeconds(), plan.settings().writers(),
                    plan.settings().linger().toNanos() / 1000, plan.settings().quiet().toNanos() / 1000,
                    setting(database, "synchronous_commit"));
            out.println("database: " + plan.database().describe());
            List<SimulatedTable> tables = openTables(ledger, plan.tables());
            PostgresLedger.LedgerStats before = ledger.stats();
            long start = System.nanoTime() + TimeUnit.SECONDS.toNanos(plan.warmupSeconds());
            long end = start + TimeUnit.SECONDS.toNanos(plan.seconds());
            tables.forEach(t -> t.measureBetween(start, end));
            tables.forEach(SimulatedTable::start);
            TimeUnit.NANOSECONDS.sleep(Math.max(0, end - System.nanoTime()));
            CompletableFuture.allOf(tables.stream().map(SimulatedTable::stop).toArray(CompletableFuture[]::new))
                    .get(1, TimeUnit.MINUTES);
            report(tables, plan.seconds(), ledger.stats(), before);
            if (plan.audit()) {
                AuditReport audit = new LedgerAuditor(database.sqlSessionFactory()).audit();
                out.print(audit.summary());
                return audit.clean() ? 0 : 1;
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
