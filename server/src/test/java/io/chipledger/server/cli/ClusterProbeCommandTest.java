package io.chipledger.server.cli;

import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.lease.Leases;
import io.chipledger.ledger.testing.LedgerScenario;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.server.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cluster-probe} nodes on one real PostgreSQL: tables handed over at a new epoch, and a node that lost them fenced. */
class ClusterProbeCommandTest {

    private static final Pattern FIGURE = Pattern.compile("(\\w+)=(\\d+)");

    private Database database;
    private List<String> dbArgs;

    @BeforeEach
    void freshDatabase() {
        database = SharedPostgres.freshDatabase();
        dbArgs = List.of("--db-url", database.jdbcUrl(), "--db-user", "postgres");
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aSecondNodeTakesTheTablesOverAtTheNextEpochAndEveryAcknowledgedPostingIsInTheJournal(@TempDir Path dir)
            throws Exception {
        Path acked = dir.resolve("acked.txt");
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();

        assertThat(probe(first, "node-a", acked, "--seconds", "2", "--tables", "3", "--lease-ms", "1000", "--release")).isZero();
        assertThat(probe(second, "node-b", acked, "--seconds", "2", "--tables", "3", "--lease-ms", "1000")).isZero();

        assertThat(figure(first, "acknowledged")).isPositive();
        assertThat(figure(second, "acknowledged")).isPositive();
        List<String> keys = Files.readAllLines(acked);
        assertThat(keys).hasSize((int) (figure(first, "acknowledged") + figure(second, "acknowledged")));
        assertThat(query("SELECT idempotency_key FROM posting")).containsAll(keys);
        assertThat(keys).filteredOn(k -> k.contains("/node-b@")).allMatch(k -> k.contains("/node-b@2/"));
        assertThat(query("SELECT name || ' ' || epoch || ' ' || holder FROM lease_claim ORDER BY name, epoch"))
                .containsExactly("table:probe/t0 1 node-a", "table:probe/t0 2 node-b", "table:probe/t1 1 node-a",
                        "table:probe/t1 2 node-b", "table:probe/t2 1 node-a", "table:probe/t2 2 node-b");
    }

    @Test
    void aNodeWhoseTablesWereTakenWhileItPlayedIsRefusedAndNothingCommitsUnderItsOldEpoch(@TempDir Path dir)
            throws Exception {
        Path acked = dir.resolve("acked.txt");
        ByteArrayOutputStream zombie = new ByteArrayOutputStream();
        CompletableFuture<Integer> playing = CompletableFuture.supplyAsync(
                () -> probe(zombie, "node-a", acked, "--seconds", "4", "--tables", "3", "--lease-ms", "60000"));
        awaitPostingsOf("node-a@1");
        // node-a claims its tables one by one and plays each as soon as it holds it: a lease it claims after the
        // expiry below would be fresh, and node-b's claim of it refused (seen on a loaded CI machine).
        awaitLeasesHeldBy("node-a", 3);

        // As if node-a had paused past its leases: they run out and node-b claims them (node-a still plays).
        execute("UPDATE lease SET expires_at = clock_timestamp()");
        Leases leases = new Leases(database.sqlSessionFactory());
        for (int t = 0; t < 3; t++) {
            assertThat(leases.claim("table:probe/t" + t, "node-b", Duration.ofMinutes(1))).isPresent();
        }

        assertThat(playing.get(1, TimeUnit.MINUTES)).isZero();
        assertThat(figure(zombie, "fenced")).isEqualTo(3);
        assertThat(query("SELECT p.idempotency_key FROM posting p JOIN lease_claim c ON c.name = p.fence_name"
                + " AND c.epoch > p.fence_epoch WHERE p.created_at > c.claimed_at")).isEmpty();
        assertThat(query("SELECT idempotency_key FROM posting")).containsAll(Files.readAllLines(acked));
    }

    private int probe(ByteArrayOutputStream out, String holder, Path acked, String... args) {
        List<String> all = new ArrayList<>(dbArgs);
        all.addAll(List.of("--holder", holder, "--acked", acked.toString()));
        all.addAll(List.of(args));
        Terminal terminal = Terminal.of(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Map.of());
        return PokerServer.run(new ClusterProbeCommand(terminal), terminal, all);
    }

    /** A figure from the probe's summary line ({@code probe NAME: acknowledged=N fenced=N ...}). */
    private static long figure(ByteArrayOutputStream out, String name) {
        String summary = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("probe "))
                .findFirst().orElseThrow(() -> new AssertionError("no summary in " + out));
        Matcher m = FIGURE.matcher(summary);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return Long.parseLong(m.group(2));
            }
        }
        throw new AssertionError(name + " not in " + summary);
    }

    private void awaitPostingsOf(String marker) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!query("SELECT 1 FROM posting WHERE idempotency_key LIKE '%/" + marker + "/%'").isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no posting of " + marker);
    }

    private void awaitLeasesHeldBy(String holder, int count) throws Exception {
        TestServer.eventually(holder + " holds " + count + " leases",
                () -> query("SELECT name FROM lease WHERE holder = '" + holder + "'").size() == count);
    }

    private void execute(String sql) {
        LedgerScenario.execute(database.dataSource(), sql);
    }

    private List<String> query(String sql) {
        return LedgerScenario.strings(database.dataSource(), sql);
    }
}
