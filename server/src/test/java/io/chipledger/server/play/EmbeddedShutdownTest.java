package io.chipledger.server.play;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.db.DatabaseConfig;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.bot.BotFleet;
import io.chipledger.server.bot.PokerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The README's server, {@code serve} on its own embedded PostgreSQL, stopped with SIGTERM while its demo bots play.
 * The stop still needs the database (the bots leave and are cashed out, running hands end or are voided), so the
 * embedded PostgreSQL must outlive that work, not stop alongside it.
 */
class EmbeddedShutdownTest {

    @Test
    void aStoppedServerFinishesItsWorkOnItsEmbeddedDatabaseBeforeStoppingIt() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "embedded-shutdown");
        ServerProcess server = ServerProcess.serveEmbedded(dataDir, "--demo-bots", "1");
        waitForAHandToEnd(server);

        server.terminate();

        assertThat(server.output()).doesNotContain("Connection refused").doesNotContain("ERROR");
        try (Database left = Database.open(DatabaseConfig.embedded(dataDir))) {
            assertThat(count(left, "SELECT count(*) FROM table_seat")).as("every bot left and was cashed out").isZero();
            assertThat(count(left, "SELECT count(*) FROM hand WHERE status = 'OPEN'")).as("no hand left open").isZero();
            assertThat(count(left, "SELECT count(*) FROM hand WHERE status = 'SETTLED'")).isPositive();
            AuditReport audit = new LedgerAuditor(left.sqlSessionFactory()).audit();
            assertThat(audit.clean()).as(audit.summary()).isTrue();
        }
    }

    private static void waitForAHandToEnd(ServerProcess server) throws Exception {
        long table;
        try (BotFleet lobby = new BotFleet(server.ws())) {
            table = lobby.lobby().stream().filter(t -> t.seated() > 0).findFirst().orElseThrow().id();
        }
        try (PokerClient watcher = PokerClient.connect(server.ws(),
                PokerClient.token(server.http(), "watcher", "watcher-password"), "watcher")) {
            watcher.send(r -> new ClientMessage.Watch(r, table, null));
            ServerMessage ended = watcher.await(m -> m instanceof ServerMessage.Event e
                    && e.event() instanceof TableEvent.HandEnded, Duration.ofSeconds(60));
            assertThat(ended).as("the demo bots play").isNotNull();
        }
    }

    private static long count(Database database, String sql) throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
