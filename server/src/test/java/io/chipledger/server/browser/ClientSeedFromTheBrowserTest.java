package io.chipledger.server.browser;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Route;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.history.record.DeckRecord;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HistoryJson;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.Chromium;
import io.chipledger.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A player at the table in the browser adds a fresh random seed of their own to every deck the table commits to, and
 * the hand history records it: the exported hand dealt from that commitment lists the very seed the page sent, from
 * the player's seat. "My hands" then re-derives a hand's deck in the page (docs/provably-fair.md): it finds the
 * server's hand fair, and a history with a changed card not.
 */
class ClientSeedFromTheBrowserTest {

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser();

    @Test
    void theSeedThePageSendsGoesIntoTheNextDeckAndItsHistory() throws Exception {
        long tableId = room.openTable("Cedar", 6);
        try (AutoPlayer rex = AutoPlayer.sitDown(room, "rex", tableId, 1, "40.00").play(checkOrCall()).rebuyWhenBusted()) {
            BrowserPlayer pia = BrowserPlayer.signUp(room.chromium(), room.http(), "pia", 1280, 800);
            pia.goTo("#/table/" + tableId + "/sit");
            pia.buyIn("30");
            int seat = pia.mySeat();
            // Play until a deck seeded by the page has been dealt and revealed: the hand after the first seed was sent.
            playUntil(pia, () -> rex.handsEnded() >= 3);

            List<Map<String, Object>> seeds = pia.sent("setClientSeed");
            assertThat(seeds).as("a seed for each deck the table committed to while pia sat").hasSizeGreaterThanOrEqualTo(2);
            assertThat(seeds).extracting(s -> (String) s.get("seed")).allMatch(s -> s.matches("[0-9a-f]{32}")).doesNotHaveDuplicates();
            assertThat(seeds).extracting(s -> s.get("commitment")).doesNotHaveDuplicates();

            List<HandHistory> hands = exportedHandsOf(pia, room.http());
            int seeded = 0;
            for (Map<String, Object> sent : seeds) {
                String answer = pia.replyTo((String) sent.get("requestId"));
                Optional<HandHistory> dealt = hands.stream().filter(h -> h.deck().commitment().equals(sent.get("commitment"))).findFirst();
                if (!"done".equals(answer)) {
                    // Sent after that deck's hand had started (it was already fixed): refused, and nothing changed.
                    assertThat(answer).as("a late seed's answer").isIn("ILLEGAL_ACTION", null);
                    dealt.ifPresent(hand -> assertThat(hand.deck().clientSeeds()).as("hand %d's deck", hand.handId())
                            .noneMatch(s -> s.seed().equals(sent.get("seed"))));
                } else if (dealt.isPresent()) {
                    assertThat(dealt.get().deck().clientSeeds()).as("hand %d's deck", dealt.get().handId())
                            .containsExactly(new DeckRecord.ClientSeedRecord(seat, "pia", (String) sent.get("seed")));
                    seeded++;
                }
            }
            assertThat(seeded).as("hands dealt from a deck pia seeded").isGreaterThanOrEqualTo(1);

            // "My hands" re-derives a hand's deck in the page and finds every card where the seed put it...
            pia.goTo("#/history");
            Locator row = pia.page.locator("#history-rows .history-row").first();
            long handId = Long.parseLong(row.getAttribute("data-hand"));
            row.locator("button.verify").click();
            row.locator("td.fair-deck[data-verified='ok']").waitFor();
            assertThat(row.locator("td.fair-deck").textContent()).contains("the seed matches its commitment", "cards are where it put them");
            Chromium.screenshot(pia.page, "history-deck-verified");
            // ...and says so when a card in the history is not the one the seed dealt.
            String tampered = withPiasFirstHoleCardChanged(exportOf(pia, room.http(), handId), seat);
            pia.page.route("**/api/hands/export?*", route -> {
                if (route.request().url().contains("hand=" + handId)) {
                    route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json").setBody(tampered));
                } else {
                    route.resume();
                }
            });
            row.locator("button.verify").click();
            row.locator("td.fair-deck[data-verified='failed']").waitFor();
            assertThat(row.locator("td.fair-deck").textContent()).contains("Not fair", "the seed deals");
            assertThat(pia.consoleErrors()).isEmpty();
            pia.close();
        }
    }

    /**
     * With the pause a real server keeps between hands (the tests' servers keep none), the seed the page sends as its
     * player sits down reaches the table before the first hand they are dealt, and that deck is theirs too.
     */
    @Test
    void withTheServersPauseBetweenHandsTheFirstHandAfterSittingDownIsSeededToo() throws Exception {
        ServerSettings paused = ServerSettings.forTests().withPauseBetweenHands(ServerSettings.defaults().pauseBetweenHands());
        try (TestServer pausing = TestServer.forThisTest().withBrowser().settings(paused).start()) {
            long tableId = pausing.openTable("Alder", 6);
            try (AutoPlayer rex = AutoPlayer.sitDown(pausing, "rex", tableId, 1, "40.00").play(checkOrCall()).rebuyWhenBusted()) {
                BrowserPlayer pia = BrowserPlayer.signUp(pausing.chromium(), pausing.http(), "pia", 1280, 800);
                pia.goTo("#/table/" + tableId + "/sit");
                pia.buyIn("30");
                int seat = pia.mySeat();
                playUntil(pia, () -> rex.handsEnded() >= 1);

                HandHistory first = exportedHandsOf(pia, pausing.http()).stream()
                        .min(Comparator.comparingLong(HandHistory::handId)).orElseThrow();
                assertThat(first.deck().clientSeeds()).as("the first hand pia was dealt, hand %d", first.handId())
                        .extracting(DeckRecord.ClientSeedRecord::seat).containsExactly(seat);
                assertThat(pia.sent("setClientSeed")).as("the seed pia's page sent for that deck")
                        .filteredOn(sent -> first.deck().commitment().equals(sent.get("commitment")))
                        .extracting(sent -> first.deck().clientSeeds().get(0).seed().equals(sent.get("seed")))
                        .containsExactly(true);
                pia.close();
            }
        }
    }

    /** Pia checks or calls whenever it is her turn, until {@code done}. */
    private static void playUntil(BrowserPlayer pia, BooleanSupplier done) {
        while (!done.getAsBoolean()) {
            String state = (String) pia.page.waitForFunction("""
                    () => document.getElementById('action-bar').dataset.state === 'my-turn' ? 'turn' : 'waiting'""").jsonValue();
            if (state.equals("turn")) {
                String turn = pia.page.locator("#action-bar").getAttribute("data-turn");
                pia.checkOrCall();
                pia.waitUntilActed(turn);
            } else {
                pia.page.waitForTimeout(50);
            }
        }
    }

    /** Every hand pia played, as the JSON export gives them to her. */
    private static List<HandHistory> exportedHandsOf(BrowserPlayer player, String http) throws Exception {
        List<HandHistory> hands = new ArrayList<>();
        for (JsonNode hand : HistoryJson.mapper().readTree(exportOf(player, http, null)).get("hands")) {
            hands.add(HistoryJson.read(hand.toString()));
        }
        return hands;
    }

    /** The player's JSON export: one hand, or all of theirs when {@code handId} is null. */
    private static String exportOf(BrowserPlayer player, String http, Long handId) throws Exception {
        String token = (String) player.page.evaluate("() => JSON.parse(localStorage.getItem('chipledger.session')).token");
        String query = "format=json" + (handId == null ? "" : "&hand=" + handId);
        HttpResponse<String> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(http + "/api/hands/export?" + query)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(export.statusCode()).isEqualTo(200);
        return export.body();
    }

    /** The export with the first hole card dealt to {@code seat} replaced by another card. */
    private static String withPiasFirstHoleCardChanged(String export, int seat) throws Exception {
        ObjectNode document = (ObjectNode) HistoryJson.mapper().readTree(export);
        for (JsonNode event : document.get("hands").get(0).get("events")) {
            if (event.get("type").asText().equals("holeCardsDealt") && event.get("seat").asInt() == seat) {
                ArrayNode cards = (ArrayNode) event.get("cards");
                cards.set(0, TextNode.valueOf(cards.get(0).asText().equals("2c") ? "3c" : "2c"));
                return HistoryJson.mapper().writeValueAsString(document);
            }
        }
        throw new AssertionError("no hole cards of seat " + seat + " in " + export);
    }
}
