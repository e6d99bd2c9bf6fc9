package io.chipledger.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Route;
import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The "My hands" panel: the hands a player played are listed and download exactly as the server exports them; and
 * against an endpoint answering in other shapes (stubbed in the browser) it still lists the hands, reading each field
 * under any of its likely names, and downloads an export with the session token.
 */
class HandHistoryPanelTest {

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser();

    @Test
    void handsThePlayerPlayedAreListedAndDownloadAsTheServerExportsThem() throws Exception {
        BrowserPlayer kim = BrowserPlayer.signUp(room.chromium(), room.http(), "kim", 1280, 800);
        long table = room.openTable("Maple", 6);
        String kimToken = PokerClient.token(room.http(), "kim", "kim-password");
        try (PokerClient kimAtTable = PokerClient.connect(room.ws(), kimToken, "kim");
             PokerClient joe = PokerClient.connect(room.ws(), PokerClient.token(room.http(), "joe", "joe-password"), "joe");
             PokerClient watcher = PokerClient.connect(room.ws(), PokerClient.token(room.http(), "ann", "ann-password"), "ann")) {
            watcher.send(r -> new ClientMessage.Watch(r, table, null));
            kimAtTable.send(r -> new ClientMessage.SitDown(r, table, 0, Money.parse("50.00")));
            joe.send(r -> new ClientMessage.SitDown(r, table, 1, Money.parse("50.00")));
            checkOrCall(kimAtTable, table);
            checkOrCall(joe, table);
            for (int hands = 0; hands < 2; ) {
                ServerMessage message = watcher.next(Duration.ofSeconds(45));
                assertThat(message).as("the table plays").isNotNull();
                if (message instanceof ServerMessage.Event e && e.event() instanceof TableEvent.HandEnded) {
                    hands++;
                }
            }
        }

        kim.goTo("#/history");
        Locator rows = kim.page.locator("#history-rows .history-row");
        rows.first().waitFor();
        assertThat(rows.count()).as("the hands kim played").isGreaterThanOrEqualTo(2);
        String handId = rows.first().getAttribute("data-hand");
        assertThat(rows.first().textContent()).contains("#" + handId, "Maple");

        Download download = kim.page.waitForDownload(() -> rows.first().locator("button[data-format='phh']").click());
        String downloaded = Files.readString(download.path());
        HttpResponse<String> direct = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(room.http() + "/api/hands/export?format=phh&hand=" + handId)).header("Authorization", "Bearer " + kimToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(direct.statusCode()).isEqualTo(200);
        assertThat(downloaded).as("the page downloads what the server exports").isEqualTo(direct.body()).contains("variant = 'NT'");
        assertThat(kim.consoleErrors()).isEmpty();
        kim.close();
    }

    /** The client plays its own turns at the table: check when free, else call. */
    private static void checkOrCall(PokerClient client, long table) {
        long[] hand = {-1};
        client.listen(message -> {
            if (message instanceof ServerMessage.Event e && e.event() instanceof TableEvent.HandStarted started) {
                hand[0] = started.handId();
            } else if (message instanceof ServerMessage.Event e && e.event() instanceof TableEvent.TurnStarted turn
                    && turn.turn().legal() != null) {
                ActionKind action = turn.turn().legal().canCheck() ? ActionKind.CHECK : ActionKind.CALL;
                client.send(r -> new ClientMessage.Act(r, table, hand[0], action, null));
            }
        });
    }

    @Test
    void handsAreListedWhateverTheFieldNamesAndDownloadsCarryTheSessionToken() {
        BrowserPlayer lee = BrowserPlayer.signUp(room.chromium(), room.http(), "lee", 1280, 800);
        String token = (String) lee.page.evaluate("() => JSON.parse(localStorage.getItem('chipledger.session')).token");
        List<String> listCalls = new ArrayList<>();
        List<String> exportCalls = new ArrayList<>();
        lee.page.route("**/api/hands?*", route -> {
            listCalls.add(route.request().headerValue("authorization") + " " + route.request().url());
            route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json").setBody("""
                    {"hands": [
                      {"id": 41, "tableName": "Oak", "endedAt": "2026-11-26T10:00:00Z", "net": "-1.50", "holeCards": ["As", "Kd"]},
                      {"hand_id": 42, "table": {"name": "Pine"}, "result": "12.5", "cards": "Qh Qs"},
                      {"note": "a row without an id is skipped"}
                    ]}"""));
        });
        lee.page.route("**/api/hands/export?*", route -> {
            exportCalls.add(route.request().headerValue("authorization") + " " + route.request().url());
            route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/plain").setBody("hand 41 as PHH"));
        });

        lee.goTo("#/history");

        Locator rows = lee.page.locator("#history-rows .history-row");
        rows.first().waitFor();
        assertThat(rows.count()).isEqualTo(2);
        assertThat(rows.nth(0).textContent()).contains("#41", "Oak", "A♠ K♦", "-1.50");
        assertThat(rows.nth(1).textContent()).contains("#42", "Pine", "Qh Qs", "+12.50");
        assertThat(listCalls).hasSize(1);
        assertThat(listCalls.get(0)).startsWith("Bearer " + token + " ").contains("from=").contains("to=");

        Download download = lee.page.waitForDownload(() -> rows.nth(0).locator("button[data-format='phh']").click());
        assertThat(download.suggestedFilename()).isEqualTo("hand-41.phh");
        assertThat(exportCalls).hasSize(1);
        assertThat(exportCalls.get(0)).startsWith("Bearer " + token + " ").contains("format=phh").contains("hand=41");
        lee.close();
    }
}
