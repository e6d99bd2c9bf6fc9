package io.chipledger.server.cli;

import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.postgres.PostgresLedger;
import io.chipledger.ledger.testing.SharedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.chipledger.ledger.testing.LedgerScenario.execute;
import static io.chipledger.ledger.testing.LedgerScenario.fundedWallet;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code audit}, {@code export} and {@code bench-ledger} run as the jar runs them, against a real PostgreSQL. */
class LedgerCommandsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
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
    void auditOfAnHonestLedgerPrintsOkAndExitsZero() throws Exception {
        try (PostgresLedger ledger = PostgresLedger.start(database)) {
            fundedWallet(ledger, "alice", "12.34");
        }

        int code = run(new AuditCommand(terminal()), dbArgs);

        assertThat(code).isZero();
        assertThat(text(out)).contains("1 postings").contains("CHP: 12.34 chips in play").contains("OK: no violations");
    }

    @Test
    void auditOfATamperedLedgerNamesTheViolationAndExitsOne() throws Exception {
        try (PostgresLedger ledger = PostgresLedger.start(database)) {
            fundedWallet(ledger, "alice", "12.34");
        }
        execute(database.dataSource(), "UPDATE account SET balance = 1000 WHERE kind = 'WALLET'");

        int code = run(new AuditCommand(terminal()), dbArgs);

        assertThat(code).isEqualTo(1);
        assertThat(text(out)).contains("FAILED").contains("BALANCE_NOT_DERIVED").contains("NOT_CONSERVED");
    }

    @Test
    void auditRefusesArgumentsItDoesNotKnow() throws Exception {
        int code = run(new AuditCommand(terminal()), List.of("--fix-everything"));

        assertThat(code).isEqualTo(2);
        assertThat(text(err)).contains("audit: Unknown option: '--fix-everything'").contains("usage: audit");
    }

    @Test
    void auditOfADirectoryWithNoLedgerSaysSoAndCreatesNoDatabaseThere(@TempDir Path dir) throws Exception {
        Path typo = dir.resolve("dta");

        int code = run(new AuditCommand(terminal()), List.of("--data-dir", typo.toString()));

        assertThat(code).isEqualTo(2);
        assertThat(text(err)).contains("audit: no ledger in " + typo);
        assertThat(text(out)).doesNotContain("OK");
        assertThat(Files.exists(typo)).isFalse();
    }

    @Test
    void exportFromADirectoryWithNoLedgerSaysSoAndCreatesNoDatabaseThere(@TempDir Path dir) throws Exception {
        Path typo = dir.resolve("dta");

        int code = run(new ExportCommand(terminal()), List.of("--data-dir", typo.toString(),
                "--format", "json", "--out", dir.resolve("hands.json").toString()));

        assertThat(code).isEqualTo(2);
        assertThat(text(err)).contains("export: no ledger in " + typo);
        assertThat(Files.exists(typo)).isFalse();
        assertThat(Files.exists(dir.resolve("hands.json"))).isFalse();
    }

    @Test
    void benchLedgerPrintsThroughputAndLatencyAndLeavesALedgerThatAudits() throws Exception {
        List<String> args = new java.util.ArrayList<>(dbArgs);
        args.addAll(List.of("--seconds", "1", "--warmup", "0", "--tables", "100", "--audit"));

        int code = run(new BenchLedgerCommand(terminal()), args);

        assertThat(code).as(text(out) + text(err)).isZero();
        assertThat(text(out)).contains("100 tables").contains("synchronous_commit=on")
                .containsPattern("transfers/s: [0-9]+\\.[0-9]")
                .containsPattern("p50: [0-9.]+ ms  p99: [0-9.]+ ms")
                .contains("rejected: 0  failed: 0")
                .contains("OK: no violations");
    }

    @Test
    void benchLedgerWithoutSecondsShowsUsage() throws Exception {
        int code = run(new BenchLedgerCommand(terminal()), dbArgs);

        assertThat(code).isEqualTo(2);
        assertThat(text(err)).contains("Missing required option: '--seconds=N'").contains("usage: bench-ledger");
    }

    @Test
    void benchLedgerTakesItsBatchingWindowAndWritersFromTheCommandLine() {
        BenchLedgerCommand command = new BenchLedgerCommand(terminal());
        new picocli.CommandLine(command).parseArgs("--db-url", "jdbc:postgresql://h/db",
                "--seconds", "5", "--writers", "3", "--linger-us=500", "--quiet-us", "50");

        assertThat(command.settings().writers()).isEqualTo(3);
        assertThat(command.settings().linger()).isEqualTo(java.time.Duration.ofNanos(500_000));
        assertThat(command.settings().quiet()).isEqualTo(java.time.Duration.ofNanos(50_000));
    }

    private Terminal terminal() {
        return Terminal.of(print(out), print(err), Map.of());
    }

    private int run(Object command, List<String> args) {
        return PokerServer.run(command, terminal(), args);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
