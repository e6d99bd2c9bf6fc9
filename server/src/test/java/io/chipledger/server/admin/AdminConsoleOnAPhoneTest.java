package io.chipledger.server.admin;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.Chromium;
import io.chipledger.server.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The admin console on a phone (390 x 844, in headless Chromium) after real hands: the dashboard's pictures of the
 * last hour drawn from the server's samples, the tables list with a closed table and its filter, the hands newest
 * first with seats numbered from 1, and no view wider than the screen.
 */
class AdminConsoleOnAPhoneTest {

    private static final double WAIT_MS = TestServer.WAIT.toMillis();

    @Test
    void anOperatorOnAPhoneSeesTheHourTheClosedTablesAndTheLatestHands() throws Exception {
        try (TestServer fixture = TestServer.forThisTest().withAdmin().withBrowser().start()) {
            long table = fixture.adminPost("/api/admin/tables/create", "{\"name\":\"Pocket\",\"smallBlind\":\"0.50\","
                    + "\"bigBlind\":\"1.00\",\"seats\":6,\"minBuyIn\":\"20.00\",\"maxBuyIn\":\"100.00\",\"reason\":\"test\","
                    + "\"idempotencyKey\":\"create-pocket\"}").get("table").get("id").asLong();
            long gone = fixture.adminPost("/api/admin/tables/create", "{\"name\":\"Gone\",\"smallBlind\":\"0.50\","
                    + "\"bigBlind\":\"1.00\",\"seats\":6,\"minBuyIn\":\"20.00\",\"maxBuyIn\":\"100.00\",\"reason\":\"test\","
                    + "\"idempotencyKey\":\"create-gone\"}").get("table").get("id").asLong();
            fixture.adminPost("/api/admin/table/close", "{\"tableId\":" + gone + ",\"reason\":\"test\",\"idempotencyKey\":\"close\"}");
            try (AutoPlayer kim = AutoPlayer.sitDown(fixture, "kim", table, 2, "50.00");
                 AutoPlayer lou = AutoPlayer.sitDown(fixture, "lou", table, 4, "50.00")) {
                kim.play(checkOrCall());
                lou.play(checkOrCall());
                TestServer.eventually("two hands end", () -> kim.events().stream().filter(e -> e instanceof TableEvent.HandEnded).count() >= 2);
                TestServer.eventually("the closed table is stored so",
                        () -> fixture.rows("SELECT status FROM poker_table WHERE id = " + gone).contains("CLOSED"));

                Page page = fixture.chromium().newContext(390, 844).newPage();
                page.setDefaultTimeout(WAIT_MS);
                try {
                    look(fixture, page, table);
                } catch (RuntimeException | AssertionError failed) {
                    Chromium.screenshot(page, "admin-phone-failure");
                    throw new AssertionError("the console on a phone: " + failed.getMessage()
                            + "; screenshot target/screenshots/admin-phone-failure.png", failed);
                }
            }
        }
    }

    private static void look(TestServer fixture, Page page, long table) {
        page.navigate(fixture.http() + "/admin");
        page.locator("#login-form input[name=name]").fill(TestServer.ADMIN);
        page.locator("#login-form input[name=password]").fill(TestServer.ADMIN_PASSWORD);
        page.locator("#login-form button").click();
        page.locator("[data-card=tables-running]").waitFor();
        // The server samples its figures every ten seconds; the page redraws its pictures as they come. Drawn, not
        // "visible": a flat line (the same figure in every sample) has no height, and Playwright calls that hidden.
        Locator.WaitForOptions drawn = new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED);
        page.locator("[data-chart=hands-per-minute] path[data-series=hands][d^=M]").waitFor(drawn);
        page.locator("[data-chart=commit-latency] path[data-series=mean][d^=M]").waitFor(drawn);
        assertThat(page.locator("figure.chart").count()).isEqualTo(4);
        // Both players are online once a sample is taken after the second one connected.
        page.locator("[data-chart=players-online] figcaption b",
                new Page.LocatorOptions().setHasText(java.util.regex.Pattern.compile("^2$"))).waitFor();
        Chromium.screenshot(page, "admin-phone-dashboard");
        assertFitsTheScreen(page, "dashboard");

        page.locator("#nav a[data-view=tables]").click();
        page.locator("td", new Page.LocatorOptions().setHasText("Gone")).waitFor();
        assertThat(page.locator("#view tr", new Page.LocatorOptions().setHasText("Gone")).innerText()).contains("CLOSED");
        assertThat(page.locator("#view tr", new Page.LocatorOptions().setHasText("Pocket")).innerText())
                .as("seats as players number them").contains("seat 3: kim").contains("seat 5: lou");
        page.locator("#table-filter").selectOption("closed");
        assertThat(page.locator("#table-list tbody tr").allInnerTexts()).singleElement().asString().contains("Gone");
        page.locator("#table-filter").selectOption("running");
        assertThat(page.locator("#table-list").innerText()).contains("Pocket").doesNotContain("Gone");
        Chromium.screenshot(page, "admin-phone-tables");
        assertFitsTheScreen(page, "tables");

        page.locator("#nav a[data-view=hands]").click();
        page.locator("#view a[data-hand]").first().waitFor();
        List<Long> listed = ((List<?>) page.locator("#view a[data-hand]").evaluateAll("links => links.map(a => a.dataset.hand)"))
                .stream().map(id -> Long.valueOf(String.valueOf(id))).toList();
        assertThat(listed).as("the newest first").hasSizeGreaterThanOrEqualTo(2).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(fixture.rows("SELECT hand_id FROM hand_history").stream().map(Long::valueOf).toList()).containsAll(listed);
        page.locator("#view a[data-hand]").first().click();
        page.locator("#hand-detail table").first().waitFor();
        assertThat(page.locator("#hand-detail table").first().locator("tbody td:first-child").allInnerTexts())
                .as("seats from 1").containsExactlyInAnyOrder("3", "5");
        Chromium.screenshot(page, "admin-phone-hand");
        assertFitsTheScreen(page, "hands");
        assertThat(page.locator("#view").innerText()).doesNotContain("undefined").doesNotContain("NaN");
    }

    /** Nothing sticks out past the right edge: wide tables scroll inside themselves, the page does not. */
    private static void assertFitsTheScreen(Page page, String view) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertThat(((Number) overflow).intValue()).as("how far the " + view + " view sticks out, in pixels").isLessThanOrEqualTo(0);
    }
}
