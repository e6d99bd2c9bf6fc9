package io.chipledger.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.protocol.ActionKind;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.table.TableFence;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.GameNodes;
import io.chipledger.server.testing.TestServer;
import io.chipledger.server.tournament.play.SitAndGoTables;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sit-and-go on a game node among others: its table is served under the table's lease by the node running the
 * tournament (its writes fenced like a cash table's), a node starting meanwhile on the same database leaves that
 * tournament and its table alone, and the lease is let go when the tournament ends.
 */
class SitAndGoOnGameNodeTest {

    @Test
    void aSitAndGoIsDealtUnderItsTablesLeaseWhichAnotherNodeLeavesAloneAndWhichIsLetGoAtTheEnd() throws Exception {
        try (TestServer a = TestServer.forThisTest().settings(node("node-a", GameNodes.freePort())).withAdmin().start()) {
            long sng = SitAndGoTables.registering(a, "On a node", 3, "2.00", "0.20", "65/35", 2);
            List<String> players = List.of("node0", "node1", "node2");
            List<PokerClient> clients = SitAndGoTables.connect(a, players);
            players.forEach(player -> SitAndGoTables.register(a, player, sng));
            long table = SitAndGoTables.tableOf(a, sng);
            String lease = TableFence.leaseName(table);

            assertThat(a.server().ownership().owned()).as("node-a serves the tournament's table").contains(table);
            assertThat(a.rows("SELECT holder FROM lease WHERE name = '" + lease + "' AND expires_at > clock_timestamp()"))
                    .containsExactly("node-a");
            try (TestServer b = TestServer.forThisTest().settings(node("node-b", GameNodes.freePort())).onDatabase(a.jdbcUrl()).start()) {
                assertThat(b.server().tournaments().find(sng)).as("node-b does not run node-a's tournament").isEmpty();
                assertThat(b.server().tables().find(table)).isEmpty();
                assertThat(b.server().ownership().owned()).doesNotContain(table);
            }

            List<AutoPlayer> bots = SitAndGoTables.sitDown(clients, table,
                    i -> legal -> new AutoPlayer.Choice(legal.maxRaiseTo() != null ? ActionKind.ALL_IN
                            : legal.canCheck() ? ActionKind.CHECK : ActionKind.CALL, null));
            try {
                SitAndGoTables.awaitStatus(a, sng, "FINISHED");
            } finally {
                bots.forEach(AutoPlayer::close);
            }

            TestServer.eventually("node-a lets the finished tournament's table go", () -> !a.server().ownership().owned().contains(table));
            assertThat(a.count("SELECT count(*) FROM lease WHERE name = '" + lease + "' AND expires_at > clock_timestamp()"))
                    .as("the table's lease is free").isZero();
            assertThat(a.count("SELECT count(*) FROM hand WHERE table_id = " + table + " AND status = 'SETTLED'"))
                    .as("hands were dealt and settled under the lease").isPositive();
            assertThat(SitAndGoTables.prizePool(a, sng).isZero()).isTrue();
            AuditReport audit = a.audit();
            assertThat(audit.clean()).as(audit.summary()).isTrue();
        }
    }

    /** A node with long leases, so only the tournament's end lets its table go. */
    private static ServerSettings node(String name, int port) {
        return GameNodes.node(name, port, Duration.ofSeconds(60));
    }

}
