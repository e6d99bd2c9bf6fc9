package io.chipledger.server.cluster;

import static io.chipledger.server.testing.TestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.server.ServerSettings;
import io.chipledger.server.testing.TestServer;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a game node spreads tables: what it hands over, and to whom. */
class TableOwnershipTest {

    /**
     * The harness's SIGKILL of node-b moved a table of node-c too: for the ten seconds a killed node still counts as
     * running, the others held more than their share and handed a table over to nobody, taking it back half a lease
     * later under a new epoch.
     */
    @Test
    void aNodeHandsNoTableOverWhileTheOnlyNodeWithRoomHasStoppedHeartbeating() throws Exception {
        try (TestServer a = TestServer.forThisTest().settings(node("node-a")).start()) {
            a.openTable("Kept 1", 6);
            a.openTable("Kept 2", 6);
            List<String> before = leases(a);
            assertThat(before).hasSize(2).allMatch(lease -> lease.contains("|node-a|"));
            String since = a.rows("SELECT now()").get(0);

            // node-b died eight seconds ago: still RUNNING (silent only after ten), holding none of its share of one.
            a.execute("INSERT INTO game_node (name, advertise_url, state, started_at, last_heartbeat) VALUES "
                    + "('node-b', 'http://127.0.0.1:1', 'RUNNING', now() - interval '1 minute', now() - interval '8 seconds')");
            eventually("node-a heartbeats and renews for five seconds (a tick each second)", () -> {
                a.execute("UPDATE game_node SET last_heartbeat = now() - interval '8 seconds' WHERE name = 'node-b'");
                return a.count("SELECT count(*) FROM game_node WHERE name = 'node-a' AND last_heartbeat > '"
                        + since + "'::timestamptz + interval '5 seconds'") == 1;
            });

            assertThat(leases(a)).as("both tables still at node-a under their first epoch").isEqualTo(before);
            assertThat(a.server().ownership().owned()).hasSize(2);
        }
    }

    private static List<String> leases(TestServer server) {
        return server.rows("SELECT name, holder, epoch FROM lease WHERE name LIKE 'table:%' ORDER BY name");
    }

    private static ServerSettings node(String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return ServerSettings.forTests().withPort("127.0.0.1", port)
                .withNode(new NodeSettings(NodeIdentity.of(name, "http://127.0.0.1:" + port), Duration.ofSeconds(4)));
    }
}
