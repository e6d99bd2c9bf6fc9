package io.chipledger.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Route;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.server.GameServer;
import io.chipledger.server.ServerSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The "My hands" panel. Against this server (no {@code /api/hands} yet) it says histories are not available; against
 * an endpoint answering in the expected shape (stubbed in the browser) it lists the hands, reading each field
 * under any of its likely names, and downloads an export with the session token.
 */
class HandHistoryPanelTest {

    private static GameServer server;
    private static Chromium chromium;
    private static String http;

    @BeforeAll
    static void start() throws Exception {
        server = GameServer.start(SharedPostgres.freshDatabase(), ServerSettings.forTests());
        http = "http://127.0.0.1:" + server.port();
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        server.close();
    }

    @Test
    void withoutTheHistoryEndpointThePanelSaysSoInsteadOfFailing() {
        BrowserPlayer kim = BrowserPlayer.signUp(chromium, http, "kim", 1280, 800);
        kim.page.locator("nav a[data-route='history']").click();

        assertThat(kim.page.locator("#history-unavailable").textContent()).contains("not available");
        assertThat(kim.consoleErrors()).allMatch(e -> e.contains("404"), "only the 404 itself is logged");
        kim.close();
    }

    @Test
    void handsAreListedWhateverTheFieldNamesAndDownloadsCarryTheSessionToken() {
        BrowserPlayer lee = BrowserPlayer.signUp(chromium, http, "lee", 1280, 800);
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
