package io.chipledger.server.cli;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Fence;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;
import io.chipledger.ledger.TransferKind;
import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.lease.Leases;
import io.chipledger.ledger.postgres.LedgerSettings;
import io.chipledger.ledger.postgres.PostgresLedger;
import io.chipledger.money.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code poker-server cluster-probe --holder NAME --seconds N [--tables 12] [--lease-ms 4000] [--acked FILE]}: one
 * game node as the ledger sees it, for the cluster harness (docs/cluster.sh). It claims each table's lease, keeps them
 * renewed, takes over tables whose lease ran out, and plays chips at every table it holds with each posting fenced by
 * the table's epoch; it writes every acknowledged posting's key to {@code --acked}, so the harness can check each is
 * in the journal after the faults, and reports FENCED refusals and the longest stop in acknowledged writes.
 */
@Command(name = "cluster-probe", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Play fenced postings at tables held under leases, as a game node would, for the cluster "
                + "harness: takes tables over when their lease runs out, logs every acknowledged posting."})
public final class ClusterProbeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterProbeCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--holder", required = true, paramLabel = "NAME", description = "this node's name on its leases")
    private String holder;

    @Option(names = "--seconds", required = true, paramLabel = "N", description = "how long to play")
    private int seconds;

    @Option(names = "--tables", paramLabel = "N", defaultValue = "12", description = "tables (probe/t0 ...)")
    private int tables;

    @Option(names = "--lease-ms", paramLabel = "MS", defaultValue = "4000", description = "a lease's time to live")
    private int leaseMillis;

    @Option(names = "--acked", paramLabel = "FILE", description = "append each acknowledged posting's key here")
    private Path ackedFile;

    @Option(names = "--release", description = "give the leases up at the end, rather than let them run out")
    private boolean release;

    @Mixin
    private DatabaseOptions database;

    private final PrintStream out;

    ClusterProbeCommand(Terminal terminal) {
        this.out = terminal.out();
    }

    @Override
    public Integer call() throws Exception {
        Ranges.positive(spec, "--seconds", seconds);
        Ranges.positive(spec, "--tables", tables);
        Duration ttl = Duration.ofMillis(Ranges.positive(spec, "--lease-ms", leaseMillis));
        ExecutorService callbacks = Executors.newFixedThreadPool(2, daemon("probe-callbacks"));
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor(daemon("probe-leases"));
        ProbeTally tally = new ProbeTally();
        try (Database opened = Database.open(database.toConfig());
             PostgresLedger ledger = PostgresLedger.start(opened, LedgerSettings.defaults(), Clock.systemUTC(),
                     callbacks);
             PrintWriter acked = ackedWriter()) {
            Leases leases = new Leases(opened.sqlSessionFactory());
            List<FencedTable> served = openTables(ledger, tally, acked);
            out.printf("cluster-probe %s: %d tables, leases of %d ms, database %s%n", holder, served.size(),
                    ttl.toMillis(), database.describe());
            out.flush();
            ticks.scheduleWithFixedDelay(() -> keepLeases(leases, ledger, served, ttl), 0, ttl.toMillis() / 4,
                    TimeUnit.MILLISECONDS);
            ticks.scheduleAtFixedRate(() -> tally.tick(served.stream().anyMatch(t -> t.fence() != null)), 100, 100,
                    TimeUnit.MILLISECONDS);
            ticks.scheduleAtFixedRate(() -> status(served, tally), 5, 5, TimeUnit.SECONDS);
            TimeUnit.SECONDS.sleep(seconds);
            ticks.shutdownNow();
            ticks.awaitTermination(10, TimeUnit.SECONDS);
            served.forEach(FencedTable::stop);
            if (release) {
                served.stream().map(FencedTable::fence).filter(Objects::nonNull).forEach(f -> leases.release(holder, f));
            }
            TimeUnit.MILLISECONDS.sleep(500); // the postings in flight settle
            out.printf("probe %s: acknowledged=%d fenced=%d rejected=%d unknown=%d leases_lost=%d longest_gap_ms=%d"
                            + " gap_started=%s%n", holder, tally.acknowledged.get(), tally.fenced.get(),
                    tally.rejected.get(), tally.unknown.get(), tally.leasesLost.get(), tally.longestGapMillis(),
                    tally.longestGapStart());
            if (tally.lastNote() != null) {
                out.println("last refusal: " + tally.lastNote());
            }
            out.flush();
            return tally.rejected.get() == 0 ? 0 : 1;
        } finally {
            ticks.shutdownNow();
            callbacks.shutdownNow();
        }
    }

    private List<FencedTable> openTables(PostgresLedger ledger, ProbeTally tally, PrintWriter acked) throws Exception {
        Account cashier = ledger.openAccount(AccountKind.CASHIER, "house", "CHP");
        List<FencedTable> opened = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            String table = "probe/t" + t;
            Account seat = ledger.openAccount(AccountKind.SEAT, table + "/seat1", "CHP");
            Account pot = ledger.openAccount(AccountKind.POT, table, "CHP");
            // Every probe funds the same seat under the same key: the first commits it, the others replay it.
            PostingResult funded = ledger.post(Posting.single(table + "/fund", TransferKind.DEPOSIT, cashier.id(),
                    seat.id(), Money.of("100000.00"))).get(3, TimeUnit.MINUTES);
            if (!funded.accepted()) {
                throw new IllegalStateException("could not fund " + table + ": " + funded);
            }
            opened.add(new FencedTable(ledger, table, holder, seat.id(), pot.id(), tally, key -> {
                synchronized (acked) {
                    acked.println(key);
                    acked.flush();
                }
            }));
        }
        return opened;
    }

    /** Renews what this node holds, drops what it lost, and claims every table whose lease is free. */
    private void keepLeases(Leases leases, PostgresLedger ledger, List<FencedTable> served, Duration ttl) {
        try {
            List<Fence> held = served.stream().map(FencedTable::fence).filter(Objects::nonNull).toList();
            Set<Fence> kept = leases.renew(holder, held, ttl);
            for (FencedTable table : served) {
                Fence fence = table.fence();
                if (fence != null && held.contains(fence) && !kept.contains(fence)) {
                    LOG.warn("{} lost {}: another node holds it now", holder, fence);
                    table.lose(fence);
                }
            }
            for (FencedTable table : served) {
                if (table.fence() == null) {
                    leases.claim(table.leaseName(), holder, ttl).ifPresent(fence -> {
                        LOG.info("{} took {}", holder, fence);
                        table.take(fence, ledger.balance(table.potId()));
                    });
                }
            }
        } catch (RuntimeException away) {
            LOG.info("leases not renewed this time: {}", away.toString());
        }
    }

    private void status(List<FencedTable> served, ProbeTally tally) {
        out.printf("%s %s tables=%d acknowledged=%d fenced=%d unknown=%d%n",
                LocalTime.now().truncatedTo(ChronoUnit.SECONDS), holder,
                served.stream().filter(t -> t.fence() != null).count(), tally.acknowledged.get(), tally.fenced.get(),
                tally.unknown.get());
        out.flush();
    }

    private PrintWriter ackedWriter() throws IOException {
        if (ackedFile == null) {
            return new PrintWriter(java.io.OutputStream.nullOutputStream());
        }
        return new PrintWriter(Files.newBufferedWriter(ackedFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
