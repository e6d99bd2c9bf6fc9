package io.chipledger.server.admin;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Page;
import io.chipledger.money.Money;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.Chromium;
import io.chipledger.server.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hands as an operator investigates them, from the hand-history store after real hands over WebSockets: found by hand
 * id, player, table and time range with every hole card, and opened step by step, replayed to the ledger's stacks and
 * set beside the ledger's journal.
 */
class AdminHandsTest {

    @RegisterExtension
    static final TestServer fixture = TestServer.forEachTestClass().withAdmin();
    private static long table;
    private static AutoPlayer ivy;
    private static AutoPlayer jon;

    @BeforeAll
    static void playSomeHands() throws Exception {
        table = fixture.adminPost("/api/admin/tables/create", "{\"name\":\"Evidence\",\"smallBlind\":\"0.50\",\"bigBlind\":\"1.00\","
                + "\"seats\":6,\"minBuyIn\":\"20.00\",\"maxBuyIn\":\"100.00\",\"rakePercent\":\"5\",\"rakeCap\":\"2.00\","
                + "\"reason\":\"test\",\"idempotencyKey\":\"create\"}").get("table").get("id").asLong();
        ivy = AutoPlayer.sitDown(fixture, "ivy", table, 1, "60.00");
        jon = AutoPlayer.sitDown(fixture, "jon", table, 4, "45.00");
        fixture.adminPost("/api/admin/tables/create", "{\"name\":\"Empty\",\"smallBlind\":\"0.50\",\"bigBlind\":\"1.00\","
                + "\"seats\":6,\"minBuyIn\":\"20.00\",\"maxBuyIn\":\"100.00\",\"reason\":\"test\",\"idempotencyKey\":\"create-2\"}");
        ivy.play(checkOrCall());
        jon.play(checkOrCall());
        TestServer.eventually("three hands end", () -> ivy.events().stream().filter(e -> e instanceof TableEvent.HandEnded).count() >= 3);
        fixture.adminPost("/api/admin/table/pause", "{\"tableId\":" + table + ",\"reason\":\"enough\",\"idempotencyKey\":\"pause\"}");
        // A hand already dealt when the pause arrives is played out; the pause notice comes after its start on ivy's
        // socket, so once ivy has it, every hand the table will ever store this test has started.
        TestServer.eventually("ivy is told of the pause", () -> ivy.events().stream().anyMatch(e -> e instanceof TableEvent.TablePaused));
        long started = ivy.events().stream().filter(e -> e instanceof TableEvent.HandStarted).count();
        TestServer.eventually("every hand started is stored", () -> fixture.count("SELECT count(*) FROM hand_history") >= started);
    }

    @AfterAll
    static void stop() {
        ivy.close();
        jon.close();
    }

    private static JsonNode hands(String query) throws Exception {
        HttpResponse<String> response = fixture.get("/api/admin/hands?" + query, fixture.adminToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestServer.json(response).get("hands");
    }

    private static List<Long> ids(JsonNode hands) {
        List<Long> ids = new ArrayList<>();
        hands.forEach(h -> ids.add(h.get("handId").asLong()));
        return ids;
    }

    @Test
    void handsAreFoundByTablePlayerHandIdAndTimeRangeWithEveryHoleCard() throws Exception {
        List<Long> stored = fixture.rows("SELECT hand_id FROM hand_history ORDER BY started_at DESC, hand_id DESC").stream()
                .map(Long::valueOf).toList();
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        JsonNode byTable = hands("table=" + table);
        assertThat(ids(byTable)).isEqualTo(stored);
        assertThat(ids(hands("player=IVY"))).as("a name in any case").isEqualTo(stored);
        assertThat(ids(hands("player=" + fixture.playerId("jon")))).as("or an id").isEqualTo(stored);
        assertThat(ids(hands("hand=" + stored.get(1)))).containsExactly(stored.get(1));
        assertThat(ids(hands("from=" + today + "&to=" + today))).isEqualTo(stored);
        assertThat(ids(hands("from=" + LocalDate.now(ZoneOffset.UTC).plusDays(1)))).isEmpty();
        assertThat(ids(hands("table=" + table + "&limit=2"))).as("the newest first").isEqualTo(stored.subList(0, 2));
        assertThat(ids(hands("table=" + (table + 1)))).as("the empty table").isEmpty();

        JsonNode first = byTable.get(0);
        assertThat(first.get("table").asText()).isEqualTo("Evidence");
        assertThat(first.get("players")).hasSize(2);
        first.get("players").forEach(p -> assertThat(p.get("holeCards")).as("operators see every card").hasSize(2));
        assertThat(first.get("totalPot").isTextual()).isTrue();

        JsonNode newest = fixture.adminGet("/api/admin/hands?table=" + table + "&limit=2");
        long nextBefore = newest.get("nextBefore").asLong();
        assertThat(nextBefore).isEqualTo(stored.get(1));
        assertThat(ids(hands("table=" + table + "&limit=2&before=" + nextBefore))).as("the page before")
                .isEqualTo(stored.subList(2, Math.min(4, stored.size())));
        List<Long> oldestFirst = new ArrayList<>(stored);
        java.util.Collections.reverse(oldestFirst);
        assertThat(ids(hands("table=" + table + "&after=" + oldestFirst.get(0)))).as("after: oldest first from there")
                .isEqualTo(oldestFirst.subList(1, oldestFirst.size()));

        HttpResponse<String> nobody = fixture.get("/api/admin/hands?player=nobody", fixture.adminToken());
        assertThat(nobody.statusCode()).isEqualTo(404);
    }

    @Test
    void aHandOpensStepByStepReplaysToTheLedgersStacksAndMatchesTheJournal() throws Exception {
        long handId = ids(hands("table=" + table)).get(0);

        JsonNode hand = fixture.adminGet("/api/admin/hand?id=" + handId);

        JsonNode steps = hand.get("steps");
        assertThat(steps.get(0).get("type").asText()).isEqualTo("blindPosted");
        assertThat(steps.get(0).get("text").asText()).contains("posts the small blind of 0.50");
        List<String> dealt = new ArrayList<>();
        steps.forEach(s -> {
            if (s.get("type").asText().equals("holeCardsDealt")) {
                dealt.add(s.get("text").asText());
            }
        });
        assertThat(dealt).hasSize(2).allMatch(text -> text.matches("(ivy|jon) is dealt [2-9TJQKA][cdhs] [2-9TJQKA][cdhs]"));
        assertThat(steps.get(0).get("seats").findValues("cards")).as("no card shows before it is dealt").allMatch(JsonNode::isNull);
        JsonNode last = steps.get(steps.size() - 1);
        assertThat(last.get("pot").asText()).as("every chip of the pot went somewhere").isEqualTo("0.00");
        for (JsonNode seat : last.get("seats")) {
            JsonNode recorded = null;
            for (JsonNode player : hand.get("summary").get("players")) {
                recorded = player.get("seat").asInt() == seat.get("seat").asInt() ? player : recorded;
            }
            assertThat(seat.get("stack")).isEqualTo(recorded.get("finalStack"));
        }
        assertThat(hand.get("stacksAgree").asBoolean()).isTrue();
        assertThat(hand.get("ledger").get("agrees").asBoolean()).isTrue();
        assertThat(hand.get("ledger").get("journalTransferIds")).isNotEmpty();
        Money net = Money.ZERO;
        for (JsonNode player : hand.get("summary").get("players")) {
            net = net.plus(Money.parse(player.get("net").asText()));
        }
        assertThat(net.negate()).as("what the players lost together is the rake").isEqualTo(Money.parse(hand.get("summary").get("rake").asText()));
        assertThat(hand.get("history").get("handId").asLong()).isEqualTo(handId);
    }

    @Test
    void theConsoleShowsAHandStepByStepWithEveryCard() throws Exception {
        long handId = ids(hands("table=" + table)).get(0);
        try (Chromium chromium = Chromium.launch()) {
            Page page = chromium.newPage();
            page.setDefaultTimeout(TestServer.WAIT.toMillis());
            page.navigate(fixture.http() + "/admin/");
            page.locator("#login-form input[name=name]").fill(TestServer.ADMIN);
            page.locator("#login-form input[name=password]").fill(TestServer.ADMIN_PASSWORD);
            page.locator("#login-form button").click();
            page.locator("[data-card=tables-running]").waitFor();

            page.locator("#nav a[data-view=hands]").click();
            page.locator("#hand-search input[name=player]").fill("jon");
            page.locator("#hand-search button").click();
            page.locator("[data-hand='" + handId + "']").click();
            page.locator("[data-ledger=agrees]").waitFor();
            page.locator("[data-step='1']").waitFor();
            page.locator("#next-step").click();
            page.locator("#next-step").click();
            page.locator("[data-step='3']").waitFor();
            Chromium.screenshot(page, "admin-console-hand");

            String shown = page.locator("#hand-detail").innerText();
            for (JsonNode player : fixture.adminGet("/api/admin/hand?id=" + handId).get("summary").get("players")) {
                assertThat(shown).contains(player.get("holeCards").get(0).asText() + " " + player.get("holeCards").get(1).asText());
            }
        }
    }

    @Test
    void aHandNotRecordedIsNotFound() throws Exception {
        HttpResponse<String> response = fixture.get("/api/admin/hand?id=987654", fixture.adminToken());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(TestServer.json(response).get("error").get("code").asText()).isEqualTo("HAND_NOT_FOUND");
    }
}
