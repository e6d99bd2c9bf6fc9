package io.chipledger.server.admin;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tables over the admin API with players on real WebSockets: open one, pause and resume it, close it (the hand in
 * progress is played to its end, then every seat is cashed out and the table is stored CLOSED), kick a player (folded
 * in the hand, cashed out after it). Every chip ends where the ledger says, and the audit is clean.
 */
class AdminTablesTest {

    @RegisterExtension
    static final TestServer fixture = TestServer.forEachTestClass().withAdmin();
    private final List<AutoPlayer> players = new ArrayList<>();

    @AfterEach
    void leave() {
        players.forEach(AutoPlayer::close);
    }

    @AfterAll
    static void stop() {
        AuditReport audit = new LedgerAuditor(fixture.server().database().sqlSessionFactory()).audit();
        assertThat(audit.clean()).as(audit.summary()).isTrue();
    }

    private static String createBody(String name, String key) {
        return "{\"name\":\"" + name + "\",\"smallBlind\":\"0.25\",\"bigBlind\":\"0.50\",\"ante\":\"0.05\",\"seats\":6,"
                + "\"minBuyIn\":\"10.00\",\"maxBuyIn\":\"50.00\",\"rakePercent\":\"4.75\",\"rakeCap\":\"1.50\","
                + "\"actionSeconds\":25,\"timeBankSeconds\":40,\"reason\":\"new game for the evening\",\"idempotencyKey\":\"" + key + "\"}";
    }

    private static long createTable(String name) throws Exception {
        return fixture.adminPost("/api/admin/tables/create", createBody(name, TestServer.newKey())).get("table").get("id").asLong();
    }

    private static String tableRequest(long tableId) {
        return "{\"tableId\":" + tableId + ",\"reason\":\"operator test\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}";
    }

    private AutoPlayer sit(String name, long table, int seat, String buyIn) throws Exception {
        AutoPlayer player = AutoPlayer.sitDown(fixture, name, table, seat, buyIn);
        players.add(player);
        return player;
    }

    private static JsonNode adminView(long tableId) throws Exception {
        for (JsonNode table : fixture.adminGet("/api/admin/tables").get("tables")) {
            if (table.get("id").asLong() == tableId) {
                return table;
            }
        }
        return null;
    }

    @Test
    void aCreatedTableIsStoredWithItsSettingsAndOpenInTheLobby() throws Exception {
        HttpResponse<String> response = fixture.post("/api/admin/tables/create", fixture.adminToken(),
                createBody("Maple", TestServer.newKey()));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        long id = TestServer.json(response).get("table").get("id").asLong();
        assertThat(fixture.rows("SELECT name, small_blind, big_blind, ante, seats, min_buy_in, max_buy_in, rake_percent, rake_cap,"
                + " action_seconds, time_bank_seconds, status FROM poker_table WHERE id = " + id))
                .containsExactly("Maple|0.25|0.50|0.05|6|10.00|50.00|4.75|1.50|25|40|OPEN");
        JsonNode lobby = TestServer.json(fixture.get("/api/lobby", null)).get("tables");
        assertThat(lobby.findValuesAsText("name")).contains("Maple");
        JsonNode view = adminView(id);
        assertThat(view.get("state").asText()).isEqualTo("OPEN");
        assertThat(view.get("rakePercent").asText()).isEqualTo("4.75");
        assertThat(view.get("timeBankSeconds").asInt()).isEqualTo(40);
    }

    @Test
    void aTableCreatedForPotLimitOmahaIsStoredWithItsGameAndTheLobbyShowsIt() throws Exception {
        HttpResponse<String> response = fixture.post("/api/admin/tables/create", fixture.adminToken(),
                createBody("Oak", TestServer.newKey()).replace("{", "{\"variant\":\"PLO\","));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        long id = TestServer.json(response).get("table").get("id").asLong();
        assertThat(TestServer.json(response).get("table").get("game").asText()).isEqualTo("PLO");
        assertThat(fixture.rows("SELECT variant FROM poker_table WHERE id = " + id)).containsExactly("PLO");
        for (JsonNode row : TestServer.json(fixture.get("/api/lobby", null)).get("tables")) {
            String expected = row.get("id").asLong() == id ? "PLO" : "NLHE";
            assertThat(row.get("game").asText()).as(row.get("name").asText()).isEqualTo(expected);
        }
    }

    @Test
    void aCreateSubmittedTwiceAtOnceOpensOneTable() throws Exception {
        String body = createBody("Twice", TestServer.newKey());
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                answers.add(threads.submit(() -> {
                    together.await();
                    return fixture.post("/api/admin/tables/create", fixture.adminToken(), body);
                }));
            }
            long first = TestServer.json(answers.get(0).get()).get("table").get("id").asLong();
            long second = TestServer.json(answers.get(1).get()).get("table").get("id").asLong();
            assertThat(first).isEqualTo(second);
        } finally {
            threads.shutdownNow();
        }
        assertThat(fixture.count("SELECT count(*) FROM poker_table WHERE name = 'Twice'")).isEqualTo(1);
    }

    @Test
    void settingsTheTableRulesForbidAreRefusedAndNothingIsStored() throws Exception {
        long tables = fixture.count("SELECT count(*) FROM poker_table");
        String[] bad = {
                createBody("Bad", "k1").replace("\"minBuyIn\":\"10.00\"", "\"minBuyIn\":\"0.40\""),
                createBody("Bad", "k2").replace("\"rakePercent\":\"4.75\"", "\"rakePercent\":\"4.755\""),
                createBody("Bad", "k3").replace("\"seats\":6", "\"seats\":11"),
                createBody("Bad", "k4").replace("\"smallBlind\":\"0.25\"", "\"smallBlind\":\"0.251\""),
                createBody("Bad", "k5").replace("\"rakeCap\":\"1.50\"", "\"rakeCap\":\"0.00\""),
                createBody("", "k6"),
                createBody("Bad", "k7").replace("{", "{\"variant\":\"STUD\",")};

        for (String body : bad) {
            HttpResponse<String> response = fixture.post("/api/admin/tables/create", fixture.adminToken(), body);
            assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(400);
        }
        assertThat(fixture.count("SELECT count(*) FROM poker_table")).isEqualTo(tables);
    }

    @Test
    void aPausedTableDealsNoHandUntilItIsResumed() throws Exception {
        long table = createTable("Paused");
        JsonNode paused = fixture.adminPost("/api/admin/table/pause", tableRequest(table));
        assertThat(paused.get("table").get("state").asText()).isEqualTo("PAUSED");
        assertThat(fixture.rows("SELECT status FROM poker_table WHERE id = " + table)).containsExactly("PAUSED");

        AutoPlayer ann = sit("ann", table, 0, "20.00");
        AutoPlayer ben = sit("ben", table, 1, "20.00");
        JsonNode view = adminView(table);
        assertThat(view.get("seats")).hasSize(2);
        assertThat(view.get("handId").isNull()).isTrue();
        assertThat(fixture.count("SELECT count(*) FROM hand WHERE table_id = " + table)).isZero();

        fixture.adminPost("/api/admin/table/resume", tableRequest(table));
        TestServer.eventually("a hand starts after the resume", () -> ann.heardEvent(e -> e instanceof TableEvent.HandStarted));
        assertThat(ben.events().stream().filter(e -> e instanceof TableEvent.HandStarted)).hasSizeLessThanOrEqualTo(1);
        assertThat(fixture.rows("SELECT status FROM poker_table WHERE id = " + table)).containsExactly("OPEN");
    }

    @Test
    void closingLetsTheHandFinishThenCashesOutEverySeatAndStoresTheTableClosed() throws Exception {
        long table = createTable("Closing");
        AutoPlayer cat = sit("cat", table, 0, "40.00");
        AutoPlayer dan = sit("dan", table, 3, "30.00");
        TestServer.eventually("a hand waits for a decision", () -> cat.heardEvent(e -> e instanceof TableEvent.TurnStarted));

        HttpResponse<String> close = fixture.post("/api/admin/table/close", fixture.adminToken(), tableRequest(table));

        assertThat(close.statusCode()).isEqualTo(202);
        assertThat(TestServer.json(close).get("state").asText()).isEqualTo("CLOSING");
        JsonNode closing = adminView(table);
        assertThat(closing.get("state").asText()).isEqualTo("CLOSING");
        assertThat(closing.get("handId").isNull()).as("the hand in progress is not cut short").isFalse();
        assertThat(cat.heardEvent(e -> e instanceof TableEvent.SeatLeft)).isFalse();
        AutoPlayer latecomer = sit("eve", createTable("Elsewhere"), 0, "20.00");
        ServerMessage refused = latecomer.request(id -> new ClientMessage.SitDown(id, table, 5, Money.parse("20.00")));
        assertThat(refused).isInstanceOfSatisfying(ServerMessage.Error.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.TABLE_CLOSED));

        cat.play(checkOrCall());
        dan.play(checkOrCall());
        TestServer.eventually("both seats are cashed out", () -> cat.events().stream().filter(e -> e instanceof TableEvent.SeatLeft).count() == 2);
        TestServer.eventually("the table is stored CLOSED",
                () -> fixture.rows("SELECT status FROM poker_table WHERE id = " + table).contains("CLOSED"));

        List<TableEvent> heard = cat.events();
        int handEnded = indexOf(heard, TableEvent.HandEnded.class);
        assertThat(handEnded).as("the hand ended").isNotNegative();
        assertThat(heard.subList(handEnded, heard.size())).as("no hand after the close")
                .noneMatch(e -> e instanceof TableEvent.HandStarted);
        Money cashedOut = heard.stream().filter(e -> e instanceof TableEvent.SeatLeft).map(e -> ((TableEvent.SeatLeft) e).cashedOut())
                .reduce(Money.ZERO, Money::plus);
        Money rake = heard.stream().filter(e -> e instanceof TableEvent.RakeTaken).map(e -> ((TableEvent.RakeTaken) e).amount())
                .reduce(Money.ZERO, Money::plus);
        assertThat(cashedOut.plus(rake)).as("every chip brought to the table left it").isEqualTo(Money.parse("70.00"));
        assertThat(fixture.wallet("cat").plus(fixture.wallet("dan")).plus(rake)).isEqualTo(Money.parse("2000.00"));
        assertThat(fixture.rows("SELECT balance FROM account WHERE kind = 'RAKE' AND owner_ref = 'table:" + table + "'"))
                .as("the table's own rake account holds its rake").containsExactly(rake.toString());
        assertThat(fixture.rows("SELECT balance FROM account WHERE kind IN ('SEAT', 'POT') AND owner_ref LIKE 'table:" + table + "%'"))
                .allMatch(balance -> balance.equals("0.00"));
        JsonNode closed = adminView(table);
        assertThat(closed).as("a closed table stays in the console's list").isNotNull();
        assertThat(closed.get("state").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("seats")).isEmpty();
        assertThat(closed.get("rakeTaken").asText()).isEqualTo(rake.toString());
        assertThat(TestServer.json(fixture.get("/api/lobby", null)).get("tables").findValuesAsText("id")).doesNotContain(String.valueOf(table));
        TestServer.eventually("the close is logged as done", () -> fixture.rows("SELECT outcome FROM admin_audit_log WHERE action = 'TABLE_CLOSE'"
                + " AND target = 'table:" + table + "' AND outcome_of IS NOT NULL").contains("DONE"));
    }

    @Test
    void theTablesListShowsTheRakeEachTableHasTaken() throws Exception {
        long table = createTable("Raked");
        long untouched = createTable("Unraked");
        AutoPlayer kim = sit("kim", table, 0, "50.00");
        AutoPlayer lou = sit("lou", table, 1, "50.00");
        kim.play(checkOrCall());
        lou.play(checkOrCall());
        TestServer.eventually("a hand takes rake", () -> kim.heardEvent(e -> e instanceof TableEvent.RakeTaken));
        fixture.adminPost("/api/admin/table/pause", tableRequest(table));
        TestServer.eventually("the hand in progress ends", () -> fixture.count(
                "SELECT count(*) FROM hand WHERE table_id = " + table + " AND status = 'OPEN'") == 0);
        long hands = fixture.count("SELECT count(*) FROM hand WHERE table_id = " + table);
        TestServer.eventually("kim heard every hand end", () -> kim.events().stream()
                .filter(e -> e instanceof TableEvent.HandEnded).count() == hands);

        Money heard = kim.events().stream().filter(e -> e instanceof TableEvent.RakeTaken)
                .map(e -> ((TableEvent.RakeTaken) e).amount()).reduce(Money.ZERO, Money::plus);
        assertThat(heard.isPositive()).as("rake was taken").isTrue();
        assertThat(adminView(table).get("rakeTaken").asText()).as("the rake kim heard taken").isEqualTo(heard.toString());
        assertThat(fixture.rows("SELECT balance FROM account WHERE kind = 'RAKE' AND owner_ref = 'table:" + table + "'"))
                .containsExactly(heard.toString());
        assertThat(adminView(untouched).get("rakeTaken").asText()).isEqualTo("0.00");
    }

    @Test
    void aKickedPlayerWhoseTurnItIsFoldsAndIsCashedOutAfterTheHand() throws Exception {
        long table = createTable("Kick");
        AutoPlayer fay = sit("fay", table, 0, "25.00");
        AutoPlayer gus = sit("gus", table, 1, "25.00");
        TestServer.eventually("a turn starts", () -> fay.heardEvent(e -> e instanceof TableEvent.TurnStarted));
        TableEvent.TurnStarted turn = (TableEvent.TurnStarted) fay.events().stream().filter(e -> e instanceof TableEvent.TurnStarted).findFirst().orElseThrow();
        AutoPlayer actor = turn.turn().seat() == fay.seat() ? fay : gus;
        AutoPlayer other = actor == fay ? gus : fay;
        other.play(checkOrCall());

        JsonNode kicked = fixture.adminPost("/api/admin/table/kick", "{\"tableId\":" + table + ",\"playerId\":"
                + fixture.playerId(actor.name()) + ",\"reason\":\"abusive chat\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");

        assertThat(kicked.get("result").asText()).isEqualTo("FOLDED_CASHED_OUT_AFTER_HAND");
        TestServer.eventually("the kicked player is cashed out", () -> other.heardEvent(e -> e instanceof TableEvent.SeatLeft left
                && left.seat() == actor.seat()));
        List<TableEvent> heard = other.events();
        assertThat(heard).anyMatch(e -> e instanceof TableEvent.PlayerActed acted && acted.seat() == actor.seat()
                && acted.action() == ActionKind.FOLD && acted.timedOut());
        assertThat(indexOf(heard, TableEvent.HandEnded.class)).as("cashed out after the hand ended")
                .isLessThan(indexOf(heard, TableEvent.SeatLeft.class));
        Money cashedOut = heard.stream().filter(e -> e instanceof TableEvent.SeatLeft).map(e -> ((TableEvent.SeatLeft) e).cashedOut())
                .findFirst().orElseThrow();
        assertThat(fixture.wallet(actor.name())).isEqualTo(Money.parse("975.00").plus(cashedOut));
        assertThat(adminView(table).get("seats").findValuesAsText("player")).containsExactly(other.name());
    }

    @Test
    void aKickedPlayerBetweenHandsIsCashedOutAtOnceAndKickingSomeoneNotSeatedIsRefused() throws Exception {
        long table = createTable("Alone");
        AutoPlayer hal = sit("hal", table, 2, "33.33");

        JsonNode kicked = fixture.adminPost("/api/admin/table/kick", "{\"tableId\":" + table + ",\"playerId\":"
                + fixture.playerId("hal") + ",\"reason\":\"table maintenance\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");
        HttpResponse<String> again = fixture.post("/api/admin/table/kick", fixture.adminToken(), "{\"tableId\":" + table
                + ",\"playerId\":" + fixture.playerId("hal") + ",\"reason\":\"again\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");

        assertThat(kicked.get("result").asText()).isEqualTo("CASHED_OUT");
        // The HTTP answer and hal's event travel on different connections: wait for the event, do not race it.
        TestServer.eventually("hal hears he was cashed out with his whole stack",
                () -> hal.heardEvent(e -> e instanceof TableEvent.SeatLeft left && left.cashedOut().equals(Money.parse("33.33"))));
        assertThat(fixture.wallet("hal")).isEqualTo(Money.parse("1000.00"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(TestServer.json(again).get("error").get("code").asText()).isEqualTo("NOT_SEATED");
    }

    @Test
    void actionsOnATableThatIsNotRunningAreRefused() throws Exception {
        HttpResponse<String> response = fixture.post("/api/admin/table/pause", fixture.adminToken(), tableRequest(999_999));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(TestServer.json(response).get("error").get("code").asText()).isEqualTo("TABLE_NOT_FOUND");
    }

    private static int indexOf(List<TableEvent> events, Class<? extends TableEvent> type) {
        for (int i = 0; i < events.size(); i++) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
