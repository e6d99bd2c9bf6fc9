package io.chipledger.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two game nodes on one database: each registers, heartbeats and is listed in the admin console; one that leaves says so. */
class NodeRegistryTest {

    private static ServerSettings node(String name) {
        return ServerSettings.forTests().withNode(NodeIdentity.of(name, "http://127.0.0.1:1"));
    }

    @Test
    void theConsoleListsEveryNodeWithItsUrlAndStateAndANodeThatLeftIsStopped() throws Exception {
        try (TestServer a = TestServer.forThisTest().settings(node("node-a")).withAdmin().start()) {
            try (TestServer b = TestServer.forThisTest().settings(node("node-b")).onDatabase(a.jdbcUrl()).start()) {
                JsonNode both = a.adminGet("/api/admin/nodes").get("nodes");

                assertThat(names(both)).containsExactly("node-a", "node-b");
                assertThat(both.get(0).get("url").asText()).isEqualTo("http://127.0.0.1:1");
                assertThat(both.findValuesAsText("state")).containsOnly("RUNNING");
                assertThat(both.get(0).get("lastHeartbeat").asText()).isNotBlank();
            }
            JsonNode after = a.adminGet("/api/admin/nodes").get("nodes");

            assertThat(after.findValuesAsText("state")).containsExactly("RUNNING", "STOPPED");
        }
    }

    @Test
    void aNodeThatStoppedHeartbeatingIsListedSilent() throws Exception {
        try (TestServer a = TestServer.forThisTest().settings(node("node-a")).withAdmin().start()) {
            a.execute("INSERT INTO game_node (name, advertise_url, state, started_at, last_heartbeat) VALUES ('node-z', "
                    + "'http://127.0.0.1:2', 'RUNNING', now() - interval '1 hour', now() - interval '1 minute')");

            List<GameNode> nodes = a.server().nodes().all();

            assertThat(nodes).extracting(GameNode::name, GameNode::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("node-a", NodeState.RUNNING),
                            org.assertj.core.groups.Tuple.tuple("node-z", NodeState.SILENT));
        }
    }

    @Test
    void aServerAloneOnItsDatabaseIsNoNode() throws Exception {
        try (TestServer alone = TestServer.forThisTest().withAdmin().start()) {
            assertThat(alone.adminGet("/api/admin/nodes").get("nodes")).isEmpty();
            assertThat(alone.server().node()).isNull();
        }
    }

    private static List<String> names(JsonNode nodes) {
        List<String> names = new ArrayList<>();
        nodes.forEach(n -> names.add(n.get("name").asText()));
        return names;
    }
}
