package io.chipledger.ledger.db;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.postgres.PostgresLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded PostgreSQL across restarts, including the one after a server JVM was killed with SIGKILL. */
class DatabaseRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void afterTheServerIsKilledTheOrphanedPostgresIsStoppedAndTheChipsAreStillThere() throws Exception {
        Process server = startServer();
        String[] ready = awaitReady(server);
        long postmasterPid = Long.parseLong(ready[1]);
        long walletId = Long.parseLong(ready[2]);

        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive))
                .as("the postmaster outlives its killed JVM").contains(true);

        try (Database reopened = Database.open(DatabaseConfig.embedded(dataDir));
             PostgresLedger ledger = PostgresLedger.start(reopened)) {
            assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(ledger.balance(walletId)).hasToString("42.00");
            assertThat(ledger.findAccount(AccountKind.WALLET, "alice", "CHP")).isPresent();
        }
        assertThat(RunningPostmaster.process(dataDir.resolve("pg"))).isEmpty();
    }

    @Test
    void aDataDirectoryInUseByALiveServerIsRefused() throws Exception {
        Process server = startServer();
        try {
            awaitReady(server);

            assertThatThrownBy(() -> Database.open(DatabaseConfig.embedded(dataDir)))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("in use by another running poker server");
        } finally {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Database.open(DatabaseConfig.embedded(dataDir)).close();
        }
    }

    @Test
    void aToolJoinsTheDatabaseOfTheServerRunningOnTheDirectoryAndLeavesItRunning() throws Exception {
        Process server = startServer();
        try {
            String[] ready = awaitReady(server);
            long postmasterPid = Long.parseLong(ready[1]);

            try (Database joined = Database.openOrJoin(DatabaseConfig.embedded(dataDir));
                 PostgresLedger ledger = PostgresLedger.start(joined)) {
                assertThat(ledger.balance(Long.parseLong(ready[2]))).hasToString("42.00");
            }
            assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive)).as("the server's PostgreSQL still runs")
                    .contains(true);
        } finally {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            Database.open(DatabaseConfig.embedded(dataDir)).close();
        }
    }

    private Process startServer() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", classpath, EmbeddedServerProcess.class.getName(), dataDir.toString()))
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
    }

    private static String[] awaitReady(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("READY ")) {
                // Keep draining so the child never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        out.lines().forEach(l -> { });
                    } catch (java.io.UncheckedIOException killed) {
                        // the stream closes when the test kills the process
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return line.split(" ");
            }
            seen.append(line).append(File.separatorChar == '/' ? "\n" : "\r\n");
        }
        throw new AssertionError("the server process ended before it was ready:\n" + seen);
    }
}
