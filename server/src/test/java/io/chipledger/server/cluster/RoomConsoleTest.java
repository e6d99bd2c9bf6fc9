package io.chipledger.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.money.Money;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.table.TableStatus;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.GameNodes;
import io.chipledger.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One console for the room: node-a's admin console lists node-b's tables beside its own, each with its node and the
 * node's state, and the operator's pause, resume, kick and close of a table node-b serves are carried out by node-b
 * (passed on, never by node-a's own actor), logged once in the admin log and answered again from it when resent
 * through the other node's console. Its dashboard counts the whole room, node by node.
 */
class RoomConsoleTest {

    @Test
    void nodeAsConsoleListsAndRunsTheTablesNodeBServes() throws Exception {
        int portA = GameNodes.freePort();
        int portB = GameNodes.freePort();
        try (TestServer a = TestServer.forThisTest().settings(node("node-a", portA)).withAdmin().withBrowser().start()) {
            long atA = a.openTable("Served by a", 6);
            try (TestServer b = TestServer.forThisTest().settings(node("node-b", portB)).onDatabase(a.jdbcUrl()).start()) {
                long atB = b.openTable("Served by b", 6);
                try (AutoPlayer ann = AutoPlayer.sitDown(b, "ann", atB, 1, "50.00")) {
                    List<String> listed = new ArrayList<>();
                    for (JsonNode row : a.adminGet("/api/admin/tables").get("tables")) {
                        listed.add(row.get("id").asLong() + " " + row.get("name").asText() + " " + row.get("state").asText()
                                + " " + row.get("node").asText() + " " + row.get("nodeState").asText() + " "
                                + row.get("seats").findValuesAsText("player") + " " + row.get("seats").findValuesAsText("stack"));
                    }
                    assertThat(listed).as("node-a's console").containsExactly(
                            atA + " Served by a OPEN node-a RUNNING [] []",
                            atB + " Served by b OPEN node-b RUNNING [ann] [50.00]");

                    JsonNode dashboard = a.adminGet("/api/admin/dashboard");
                    assertThat(dashboard.get("tablesRunning").asLong() + " running, " + dashboard.get("playersSeated").asLong()
                            + " seated, " + dashboard.get("playersOnline").asLong() + " online").as("the room's figures")
                            .isEqualTo("2 running, 1 seated, 1 online");
                    List<String> byNode = new ArrayList<>();
                    dashboard.get("nodes").forEach(n -> byNode.add(n.get("node").asText() + " " + n.get("answered").asBoolean()
                            + " " + n.get("tablesRunning").asLong() + " " + n.get("playersSeated").asLong()
                            + " " + n.get("playersOnline").asLong()));
                    assertThat(byNode).as("each node's own").containsExactly("node-a true 1 0 0", "node-b true 1 1 1");
                    assertThat(dashboard.get("ledger")).as("the ledger's figures, once").isNotNull();
                    Page page = a.chromium().newPage();
                    page.setDefaultTimeout(TestServer.WAIT.toMillis());
                    page.navigate(a.http() + "/admin");
                    page.locator("#login-form input[name=name]").fill(TestServer.ADMIN);
                    page.locator("#login-form input[name=password]").fill(TestServer.ADMIN_PASSWORD);
                    page.locator("#login-form button").click();
                    assertThat(page.locator("[data-card=tables-running] .value").textContent()).isEqualTo("2");
                    assertThat(page.locator("table:below(h3:text('By node')) tbody tr").first().textContent())
                            .as("the page's row for node-a").isEqualTo("node-a1000");
                    assertThat(page.locator("table:below(h3:text('By node')) tbody tr").nth(1).textContent())
                            .as("the page's row for node-b").isEqualTo("node-b1011");
                    page.context().close();

                    String pauseKey = TestServer.newKey();
                    String pause = "{\"tableId\":" + atB + ",\"reason\":\"dealer change\",\"idempotencyKey\":\"" + pauseKey + "\"}";
                    HttpResponse<String> paused = a.post("/api/admin/table/pause", a.adminToken(), pause);
                    assertThat(paused.statusCode()).as(paused.body()).isEqualTo(200);
                    assertThat(TestServer.json(paused).get("table").get("state").asText()).isEqualTo("PAUSED");
                    assertThat(b.server().tables().find(atB).orElseThrow().operatorView().join().state())
                            .isEqualTo(TableStatus.PAUSED);
                    assertThat(a.server().tables().find(atB)).as("node-a opened no actor of node-b's table").isEmpty();
                    assertThat(a.rows("SELECT status FROM poker_table WHERE id = " + atB)).containsExactly("PAUSED");

                    HttpResponse<String> again = b.post("/api/admin/table/pause", a.adminToken(), pause);
                    assertThat(TestServer.json(again).get("replayed").asBoolean()).as(again.body()).isTrue();
                    assertThat(a.rows("SELECT admin_name || ' ' || action || ' ' || target || ' ' || outcome || ' '"
                            + " || node || ' ' || coalesce(passed_on_from, '-')"
                            + " FROM admin_audit_log WHERE request_key = '" + pauseKey + "' OR outcome_of IN"
                            + " (SELECT id FROM admin_audit_log WHERE request_key = '" + pauseKey + "') ORDER BY id"))
                            .as("logged once, with its outcome").containsExactly(
                                    TestServer.ADMIN + " TABLE_PAUSE table:" + atB + " REQUESTED node-b node-a",
                                    TestServer.ADMIN + " TABLE_PAUSE table:" + atB + " DONE node-b -");
                    JsonNode logged = a.adminGet("/api/admin/log?action=TABLE_PAUSE").get("entries").get(0);
                    assertThat(logged.get("node").asText() + " " + logged.get("passedOnFrom").asText())
                            .as("the log says which node did it, asked at which").isEqualTo("node-b node-a");

                    assertThat(a.adminPost("/api/admin/table/resume", request(atB, "dealer back")).get("table")
                            .get("state").asText()).isEqualTo("OPEN");
                    JsonNode kicked = a.adminPost("/api/admin/table/kick", "{\"tableId\":" + atB + ",\"playerId\":"
                            + a.playerId("ann") + ",\"reason\":\"collusion\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");
                    assertThat(kicked.get("result").asText()).as(kicked.toString()).isEqualTo("CASHED_OUT");
                    assertThat(a.wallet("ann")).isEqualTo(Money.parse("1000.00"));

                    HttpResponse<String> closing = a.post("/api/admin/table/close", a.adminToken(), request(atB, "end of night"));
                    assertThat(closing.statusCode()).as(closing.body()).isEqualTo(202);
                    TestServer.eventually("node-b closes its table", () -> a.rows("SELECT status FROM poker_table WHERE id = "
                            + atB).equals(List.of("CLOSED")));
                    List<String> states = new ArrayList<>();
                    for (JsonNode row : b.adminGet("/api/admin/tables").get("tables")) {
                        states.add(row.get("id").asLong() + " " + row.get("state").asText() + " " + row.get("node").asText());
                    }
                    assertThat(states).as("node-b's console").containsExactly(atA + " OPEN node-a", atB + " CLOSED null");
                    assertThat(a.rows("SELECT action FROM admin_audit_log WHERE outcome = 'REQUESTED' AND target LIKE 'table:"
                            + atB + "%' ORDER BY id")).containsExactly("TABLE_PAUSE", "TABLE_RESUME", "KICK", "TABLE_CLOSE");
                    AuditReport audit = a.audit();
                    assertThat(audit.clean()).as(audit.summary()).isTrue();
                }
            }
        }
    }

    private static String request(long tableId, String reason) {
        return "{\"tableId\":" + tableId + ",\"reason\":\"" + reason + "\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}";
    }

    /** A node with long leases: only the test opens tables, none moves. */
    private static ServerSettings node(String name, int port) {
        return GameNodes.node(name, port, Duration.ofSeconds(60), Duration.ofSeconds(1));
    }

}
