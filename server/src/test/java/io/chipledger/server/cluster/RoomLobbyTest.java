package io.chipledger.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.GameNodes;
import io.chipledger.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lobby of any game node lists the whole room: the tables it serves and those other nodes serve, each with the
 * node serving it (and where players reach it) and the players seated there; the console's node list counts each
 * node's tables.
 */
class RoomLobbyTest {

    @Test
    void eachNodesLobbyListsEveryTableOfTheRoomWithTheNodeServingIt() throws Exception {
        int portA = GameNodes.freePort();
        int portB = GameNodes.freePort();
        try (TestServer a = TestServer.forThisTest().settings(node("node-a", portA)).withAdmin().start()) {
            long atA = a.openTable("Served by a", 6);
            try (AutoPlayer seated = AutoPlayer.sitDown(a, "ann", atA, 1, "50.00");
                 TestServer b = TestServer.forThisTest().settings(node("node-b", portB)).onDatabase(a.jdbcUrl()).start()) {
                long atB = b.openTable("Served by b", 6);
                for (TestServer lobbyOf : List.of(a, b)) {
                    JsonNode tables = TestServer.json(lobbyOf.get("/api/lobby", null)).get("tables");
                    List<String> rows = new ArrayList<>();
                    tables.forEach(t -> rows.add(t.get("id").asLong() + " " + t.get("name").asText() + " "
                            + t.get("node").asText() + " " + t.get("url").asText() + " " + t.get("players")));
                    assertThat(rows).as("the lobby at " + lobbyOf.http()).containsExactly(
                            atA + " Served by a node-a http://127.0.0.1:" + portA + " [\"ann\"]",
                            atB + " Served by b node-b http://127.0.0.1:" + portB + " []");
                }
                JsonNode nodes = b.adminGet("/api/admin/nodes").get("nodes");
                List<String> owned = new ArrayList<>();
                nodes.forEach(n -> owned.add(n.get("name").asText() + " " + n.get("tablesOwned").asInt() + " "
                        + n.get("state").asText()));
                assertThat(owned).containsExactly("node-a 1 RUNNING", "node-b 1 RUNNING");
            }
        }
    }

    /** A node with long leases: only the test opens tables, none moves. */
    private static ServerSettings node(String name, int port) {
        return GameNodes.node(name, port, Duration.ofSeconds(60), Duration.ofSeconds(1));
    }

}
