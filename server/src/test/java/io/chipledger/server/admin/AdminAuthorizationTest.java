package io.chipledger.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.server.GameServer;
import io.chipledger.server.account.PasswordHasher;
import io.chipledger.server.account.SessionTokens;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.gateway.PlayerConnections;
import io.chipledger.server.net.HttpRoutes;
import io.chipledger.server.metrics.FigureHistory;
import io.chipledger.server.metrics.GameMetrics;
import io.chipledger.server.net.StaticFiles;
import io.chipledger.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every admin route refuses anonymous callers, bad and expired sessions (401), players and a frozen admin (403), and
 * nothing changes: ledger balances, postings, tables (stored and live), players and the admin audit log are the same
 * after each refused call. Then the same call with an admin's session is accepted, so the refusals were about who
 * called and not about the request.
 */
class AdminAuthorizationTest {

    @RegisterExtension
    static final TestServer fixture = TestServer.forEachTestClass().withAdmin();
    private static final Map<String, String> refusedCallers = new LinkedHashMap<>();
    private static final Map<String, Integer> expectedStatus = new LinkedHashMap<>();
    private static long alice;
    private static long bob;
    private static long pauseTable;
    private static long closeTable;
    private static long kickTable;
    private static PokerClient bobAtTheTable;
    private static long retireTemplate;
    private static long cancelTournament;

    @BeforeAll
    static void start() throws Exception {
        String aliceToken = fixture.token("alice");
        alice = fixture.playerId("alice");
        pauseTable = createTable("Pause");
        closeTable = createTable("Close");
        kickTable = createTable("Kick");
        bobAtTheTable = PokerClient.connect(fixture.ws(), fixture.token("bob"), "b");
        bob = fixture.playerId("bob");
        retireTemplate = createTemplate("Retire");
        // The tournament to cancel is of a retired template, so cancelling it opens no other one meanwhile.
        long cancelTemplate = createTemplate("Cancel");
        for (JsonNode t : fixture.adminGet("/api/admin/tournaments?status=registering").get("tournaments")) {
            if (t.get("templateId").asLong() == cancelTemplate) {
                cancelTournament = t.get("id").asLong();
            }
        }
        fixture.adminPost("/api/admin/tournament-template/retire", "{\"templateId\":" + cancelTemplate
                + ",\"reason\":\"tests\",\"idempotencyKey\":\"retire-cancel-template\"}");
        String sit = bobAtTheTable.send(id -> new ClientMessage.SitDown(id, kickTable, 0, Money.parse("50.00")));
        assertThat(bobAtTheTable.reply(sit, TestServer.WAIT)).isInstanceOf(ServerMessage.Done.class);

        // A second admin, frozen by the first: still an ADMIN by role, but refused.
        FirstAdmin.on(fixture.server().database().sqlSessionFactory(), PasswordHasher.MIN_ITERATIONS)
                .create("deputy", "deputy-password-long".toCharArray(), "tests", false);
        String deputyToken = fixture.login("deputy", "deputy-password-long");
        assertThat(fixture.adminPost("/api/admin/player/freeze", "{\"playerId\":" + fixture.playerId("deputy")
                + ",\"reason\":\"left the company\",\"idempotencyKey\":\"freeze-deputy\"}").get("frozen").asBoolean()).isTrue();

        // An admin's session that expired an hour ago, and one that was logged out.
        String expired = "expired-session-token-of-the-root-admin-000000";
        fixture.execute("INSERT INTO player_session (token_hash, player_id, expires_at) VALUES ('" + SessionTokens.hashOf(expired)
                + "', " + fixture.playerId(TestServer.ADMIN) + ", now() - interval '1 hour')");
        String loggedOut = fixture.login(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
        assertThat(fixture.post("/api/logout", loggedOut, "{}").statusCode()).isEqualTo(200);

        refusedCallers.put("anonymous", null);
        refusedCallers.put("an unknown token", "not-a-session-token-at-all");
        refusedCallers.put("an expired admin session", expired);
        refusedCallers.put("a logged-out admin session", loggedOut);
        refusedCallers.put("a player", aliceToken);
        refusedCallers.put("a frozen admin", deputyToken);
        expectedStatus.put("anonymous", 401);
        expectedStatus.put("an unknown token", 401);
        expectedStatus.put("an expired admin session", 401);
        expectedStatus.put("a logged-out admin session", 401);
        expectedStatus.put("a player", 403);
        expectedStatus.put("a frozen admin", 403);
    }

    private static long createTable(String name) throws Exception {
        return fixture.adminPost("/api/admin/tables/create", "{\"name\":\"" + name + "\",\"smallBlind\":\"0.50\","
                + "\"bigBlind\":\"1.00\",\"seats\":6,\"minBuyIn\":\"20.00\",\"maxBuyIn\":\"100.00\","
                + "\"reason\":\"test table\",\"idempotencyKey\":\"create-" + name + "\"}").get("table").get("id").asLong();
    }

    private static long createTemplate(String name) throws Exception {
        return fixture.adminPost("/api/admin/tournament-templates/create", templateBody(name, "create-template-" + name))
                .get("template").get("id").asLong();
    }

    private static String templateBody(String name, String key) {
        return "{\"name\":\"" + name + "\",\"seats\":6,\"buyIn\":\"10.00\",\"fee\":\"1.00\",\"startingChips\":1500,"
                + "\"levels\":[{\"smallBlind\":10,\"bigBlind\":20}],\"levelSeconds\":300,\"payouts\":\"65/35\","
                + "\"reason\":\"tests\",\"idempotencyKey\":\"" + key + "\"}";
    }

    @AfterAll
    static void stop() {
        bobAtTheTable.close();
    }

    /** One admin call: what an admin may send, and what status an admin gets for it. */
    private record Call(String method, String path, String body, int adminStatus) {
        String route() {
            return method + " " + (path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
        }
    }

    private static List<Call> everyAdminCall() {
        String reason = "\"reason\":\"authorization test\"";
        List<Call> calls = new ArrayList<>();
        calls.add(new Call("GET", "/api/admin/dashboard", null, 200));
        calls.add(new Call("GET", "/api/admin/tables", null, 200));
        calls.add(new Call("GET", "/api/admin/nodes", null, 200));
        calls.add(new Call("POST", "/api/admin/node/drain", "{\"node\":\"nowhere\"," + reason
                + ",\"idempotencyKey\":\"auth-drain\"}", 404));
        calls.add(new Call("GET", "/api/admin/figures", null, 200));
        calls.add(new Call("GET", "/api/admin/players?q=ali", null, 200));
        calls.add(new Call("GET", "/api/admin/player?id=" + alice, null, 200));
        calls.add(new Call("GET", "/api/admin/log", null, 200));
        calls.add(new Call("GET", "/api/admin/audit/last", null, 200));
        calls.add(new Call("GET", "/api/admin/hands?table=" + pauseTable, null, 200));
        calls.add(new Call("GET", "/api/admin/hand?id=1", null, 404));
        calls.add(new Call("POST", "/api/admin/audit/run", "{" + reason + "}", 200));
        calls.add(new Call("POST", "/api/admin/player/deposit",
                "{\"playerId\":" + alice + ",\"amount\":\"10.00\"," + reason + ",\"idempotencyKey\":\"auth-deposit\"}", 200));
        calls.add(new Call("POST", "/api/admin/player/withdraw",
                "{\"playerId\":" + alice + ",\"amount\":\"3.00\"," + reason + ",\"idempotencyKey\":\"auth-withdraw\"}", 200));
        calls.add(new Call("POST", "/api/admin/player/adjust", "{\"playerId\":" + alice
                + ",\"direction\":\"CREDIT\",\"amount\":\"0.01\"," + reason + ",\"idempotencyKey\":\"auth-adjust\"}", 200));
        calls.add(new Call("POST", "/api/admin/player/freeze",
                "{\"playerId\":" + alice + "," + reason + ",\"idempotencyKey\":\"auth-freeze\"}", 200));
        calls.add(new Call("POST", "/api/admin/player/unfreeze",
                "{\"playerId\":" + alice + "," + reason + ",\"idempotencyKey\":\"auth-unfreeze\"}", 200));
        calls.add(new Call("POST", "/api/admin/tables/create", "{\"name\":\"Oak\",\"smallBlind\":\"0.05\",\"bigBlind\":\"0.10\","
                + "\"seats\":2,\"minBuyIn\":\"2.00\",\"maxBuyIn\":\"10.00\",\"rakePercent\":\"5\",\"rakeCap\":\"0.50\","
                + "\"actionSeconds\":15,\"timeBankSeconds\":30," + reason + ",\"idempotencyKey\":\"auth-create\"}", 201));
        calls.add(new Call("POST", "/api/admin/table/pause",
                "{\"tableId\":" + pauseTable + "," + reason + ",\"idempotencyKey\":\"auth-pause\"}", 200));
        calls.add(new Call("POST", "/api/admin/table/resume",
                "{\"tableId\":" + pauseTable + "," + reason + ",\"idempotencyKey\":\"auth-resume\"}", 200));
        calls.add(new Call("POST", "/api/admin/table/kick", "{\"tableId\":" + kickTable + ",\"playerId\":" + bob + ","
                + reason + ",\"idempotencyKey\":\"auth-kick\"}", 200));
        calls.add(new Call("POST", "/api/admin/table/close",
                "{\"tableId\":" + closeTable + "," + reason + ",\"idempotencyKey\":\"auth-close\"}", 202));
        calls.add(new Call("GET", "/api/admin/tournament-templates", null, 200));
        calls.add(new Call("POST", "/api/admin/tournament-templates/create", templateBody("Auth", "auth-template"), 201));
        calls.add(new Call("POST", "/api/admin/tournament-template/retire",
                "{\"templateId\":" + retireTemplate + "," + reason + ",\"idempotencyKey\":\"auth-retire\"}", 200));
        calls.add(new Call("GET", "/api/admin/tournaments", null, 200));
        calls.add(new Call("GET", "/api/admin/tournament?id=" + cancelTournament, null, 200));
        calls.add(new Call("GET", "/api/admin/tournament/ledger?id=" + cancelTournament, null, 200));
        calls.add(new Call("POST", "/api/admin/tournament/cancel",
                "{\"tournamentId\":" + cancelTournament + "," + reason + ",\"idempotencyKey\":\"auth-cancel\"}", 200));
        return calls;
    }

    @Test
    void theCallsBelowAreEveryRouteTheConsoleAdds() {
        GameServer server = fixture.server();
        List<String> added = AdminConsole.addTo(new HttpRoutes(new StaticFiles("web", Runnable::run)),
                new AdminConsole.Parts(server.database().sqlSessionFactory(), server.ledger(), server.players(),
                        server.tables(), server.tournaments(), new PlayerConnections(), Runnable::run, Clock.systemUTC(), GameServer.CURRENCY,
                        new FigureHistory(new FigureHistory.Sources(() -> 0, () -> 0, () -> 0,
                                GameMetrics.unregistered().ledgerCommit), Clock.systemUTC()), server.nodes()));

        assertThat(everyAdminCall().stream().map(Call::route).distinct().toList()).containsExactlyInAnyOrderElementsOf(added);
    }

    @Test
    void everyAdminRouteRefusesAnonymousPlayerAndExpiredSessionsAndNothingChanges() throws Exception {
        long lastLogged = fixture.count("SELECT max(id) FROM admin_audit_log");
        for (Call call : everyAdminCall()) {
            for (Map.Entry<String, String> caller : refusedCallers.entrySet()) {
                List<List<String>> before = state();

                HttpResponse<String> response = send(call, caller.getValue());

                assertThat(response.statusCode()).as("%s by %s", call.route(), caller.getKey())
                        .isEqualTo(expectedStatus.get(caller.getKey()));
                assertThat(TestServer.json(response).get("error").get("code").asText())
                        .isEqualTo(expectedStatus.get(caller.getKey()) == 401 ? "UNAUTHORIZED" : "FORBIDDEN");
                assertThat(state()).as("nothing changed after %s by %s", call.route(), caller.getKey()).isEqualTo(before);
            }
            HttpResponse<String> byAdmin = send(call, fixture.adminToken());
            assertThat(byAdmin.statusCode()).as("%s by the admin: %s", call.route(), byAdmin.body()).isEqualTo(call.adminStatus());
            if (call.adminStatus() == 202) {
                // Accepted, carried out after the answer (a close waits for the hand): let it finish, or the next
                // call's "nothing changed" would see it land.
                TestServer.eventually("the accepted " + call.route() + " is carried out", () -> fixture.count(
                        "SELECT count(*) FROM admin_audit_log WHERE outcome = 'DONE' AND id > " + lastLogged
                                + " AND action = 'TABLE_CLOSE'") == 1
                        && fixture.rows("SELECT status FROM poker_table WHERE id = " + closeTable).contains("CLOSED"));
            }
        }
        // The admin's calls did change things: the refusals above were about the caller, not the requests.
        assertThat(fixture.wallet("alice")).isEqualTo(Money.parse("1007.01"));
        String doneSince = "SELECT action FROM admin_audit_log WHERE outcome = 'DONE' AND admin_name = 'root' AND id > "
                + lastLogged + " ORDER BY action";
        TestServer.eventually("the close is recorded", () -> fixture.rows(doneSince).contains("TABLE_CLOSE"));
        assertThat(fixture.rows(doneSince)).as("one outcome per admin action").containsExactly("AUDIT_RUN",
                "CREDIT_ADJUSTMENT", "DEPOSIT", "FREEZE", "KICK", "TABLE_CLOSE", "TABLE_CREATE", "TABLE_PAUSE", "TABLE_RESUME",
                "TOURNAMENT_CANCEL", "TOURNAMENT_TEMPLATE_CREATE", "TOURNAMENT_TEMPLATE_RETIRE", "UNFREEZE", "WITHDRAWAL");
    }

    private static HttpResponse<String> send(Call call, String token) throws Exception {
        String body = call.body() == null ? null : call.body();
        return call.method().equals("GET") ? fixture.get(call.path(), token) : fixture.post(call.path(), token, body);
    }

    /** What a refused call must not change: every balance, the journal, tables stored and live, players, the admin log. */
    private static List<List<String>> state() throws Exception {
        List<List<String>> state = new ArrayList<>();
        state.add(fixture.rows("SELECT id, kind, owner_ref, balance, version FROM account ORDER BY id"));
        state.add(fixture.rows("SELECT count(*) FROM posting"));
        state.add(fixture.rows("SELECT id, name, status FROM poker_table ORDER BY id"));
        state.add(fixture.rows("SELECT id, name, status FROM tournament_template ORDER BY id"));
        state.add(fixture.rows("SELECT id, status FROM tournament ORDER BY id"));
        state.add(fixture.rows("SELECT id, name, role, frozen FROM player ORDER BY id"));
        state.add(fixture.rows("SELECT id, admin_name, action, outcome FROM admin_audit_log ORDER BY id"));
        state.add(List.of(fixture.adminGet("/api/admin/tables").get("tables").toString()));
        state.add(List.of(String.valueOf(fixture.server().players().isFrozen(alice))));
        return state;
    }
}
