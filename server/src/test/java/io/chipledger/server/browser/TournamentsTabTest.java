package io.chipledger.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.chipledger.money.Money;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.table.TableDirectory;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.Chromium;
import io.chipledger.server.testing.TestServer;
import io.chipledger.server.tournament.play.SitAndGoTables;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Tournaments tab in headless Chromium against a live server: a player registers for a sit-and-go and unregisters
 * (the wallet in the header follows), registers again; two bots fill it, and the start, pushed over the socket, opens
 * the tournament's table in tia's page, its stacks and blinds in whole chips; the tab shows it running, its page the level, the blinds and each player's chips (the table waits for its
 * players meanwhile); then all three play it to the end over WebSockets, and the page shows the result: every place
 * and prize, as the database has them.
 */
class TournamentsTabTest {

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withAdmin().withBrowser();

    @Test
    void aPlayerRegistersUnregistersAndFollowsASitAndGoToItsResult() throws Exception {
        long sng = SitAndGoTables.registering(room, "Browser turbo", 3, "10.00", "1.00", "100", 3);
        BrowserPlayer tia = BrowserPlayer.signUp(room.chromium(), room.http(), "tia", 1280, 800);
        try {
            tia.page.locator("#nav a[data-route=tournaments]").click();
            Locator row = tia.page.locator(".tournament-section[data-status=REGISTERING] .tournament-row[data-tournament-id='" + sng + "']");
            row.waitFor();
            assertThat(row.locator(".entry").textContent()).isEqualTo("10.00+1.00");
            assertThat(row.locator(".players").textContent()).isEqualTo("0/3");

            row.locator("button[data-action=register]").click();
            tia.waitForWallet(Money.parse("989.00"));
            assertThat(room.wallet("tia")).isEqualTo(Money.parse("989.00"));
            row.locator("button[data-action=unregister]").waitFor();
            assertThat(row.locator(".players").textContent()).isEqualTo("1/3");
            row.locator("button[data-action=unregister]").click();
            tia.waitForWallet(Money.parse("1000.00"));
            row.locator("button[data-action=register]").waitFor();
            row.locator("button[data-action=register]").click();
            tia.waitForWallet(Money.parse("989.00"));

            List<PokerClient> players = SitAndGoTables.connect(room, List.of("tia", "bot1", "bot2"));
            SitAndGoTables.register(room, "bot1", sng);
            SitAndGoTables.register(room, "bot2", sng);
            long table = SitAndGoTables.tableOf(room, sng);
            // The start is pushed over the socket: tia's page opens the tournament's table by itself.
            tia.page.locator("#table-name").waitFor();
            assertThat(tia.page.url()).endsWith("#/table/" + table);

            // At the tournament's table the stacks and blinds are whole tournament chips, not the engine's hundredths.
            Locator stacks = tia.page.locator(".seat-stack");
            stacks.first().waitFor();
            assertThat(stacks.count()).isEqualTo(3);
            for (int i = 0; i < stacks.count(); i++) {
                assertThat(stacks.nth(i).textContent()).isEqualTo("1,500").doesNotContain(".");
                assertThat(stacks.nth(i).getAttribute("data-cents")).isEqualTo("1500");
            }
            assertThat(tia.page.locator("#table-stakes").textContent()).isEqualTo("Blinds 10/20");
            tia.page.locator("#nav a[data-route=tournaments]").click();
            Locator running = tia.page.locator(".tournament-section[data-status=RUNNING] .tournament-row[data-tournament-id='" + sng + "']");
            running.waitFor();
            assertThat(running.locator("a[data-action=play]").getAttribute("href")).isEqualTo("#/table/" + table);

            running.locator("a[data-action=view]").click();
            tia.page.locator("#tournament-level").waitFor();
            assertThat(tia.page.locator("#tournament-level").textContent()).startsWith("Level ");
            assertThat(tia.page.locator("#tournament-players .player").count()).isEqualTo(3);
            assertThat(tia.page.locator("#tournament-players .player[data-player=tia] .chips").textContent()).matches("\\d+");
            assertThat(tia.page.locator("#tournament-payouts .prize").first().textContent()).isEqualTo("30.00");

            List<AutoPlayer> bots = SitAndGoTables.sitDown(players, table, i -> AutoPlayer.Policy.randomly(i));
            try {
                SitAndGoTables.awaitStatus(room, sng, "FINISHED");
            } finally {
                bots.forEach(AutoPlayer::close);
            }
            Locator results = tia.page.locator("#tournament-results .result");
            results.first().waitFor();
            assertThat(results.count()).isEqualTo(3);
            List<String> expected = SitAndGoTables.results(room, sng); // "name place-lastPlace prize", best first
            for (int i = 0; i < 3; i++) {
                assertThat(results.nth(i).getAttribute("data-player")).isEqualTo(expected.get(i).split(" ")[0]);
            }
            assertThat(results.first().locator(".place").textContent()).isEqualTo("1st");
            assertThat(results.first().locator(".prize").textContent()).isEqualTo("30.00");
            assertThat(expected.get(0)).endsWith(" 1-1 30.00");
            assertThat(tia.consoleErrors()).isEmpty();
        } catch (AssertionError | RuntimeException e) {
            Chromium.screenshot(tia.page, "tournaments-tab-failure");
            throw e;
        } finally {
            tia.close();
        }
    }

    /**
     * Every text the table's heading showed for its blinds, in order, each once: kept by the page as it draws, so a
     * level that lasts one hand is not missed between two looks.
     */
    private static final String HEADING_WATCH = """
            () => {
              window.__blinds = [];
              // The whole page is watched: the table's view may be drawn anew (the start is told on each connection).
              const look = () => {
                const text = document.getElementById('table-stakes')?.textContent;
                if (text && window.__blinds[window.__blinds.length - 1] !== text) window.__blinds.push(text);
              };
              new MutationObserver(look).observe(document.body, { childList: true, subtree: true, characterData: true });
              look();
            }""";

    /** The big blind a heading shows ("Blinds 25/50" gives 50). */
    private static long bigBlindOf(Object heading) {
        String text = heading.toString();
        assertThat(text).matches("Blinds [0-9,]+/[0-9,]+");
        return Long.parseLong(text.substring(text.indexOf('/') + 1).replace(",", ""));
    }

    /**
     * A tournament seat's chips are the tournament's: its table offers no Top up, Rebuy nor Leave table (Sit out
     * stays), where a cash table does; and the heading shows the blinds of the hand being played, which rise by level
     * (here every hand), not the first level's all along.
     */
    @Test
    void aTournamentTableOffersNoTopUpNorLeaveAndItsHeadingFollowsTheLevelWhereACashTableOffersBoth() throws Exception {
        long sng = SitAndGoTables.registering(room, "Browser hyper", 2, "1.00", "0.10", "100", 1);
        BrowserPlayer uma = BrowserPlayer.signUp(room.chromium(), room.http(), "uma", 844, 390);
        List<AutoPlayer> bots = List.of();
        try {
            List<PokerClient> players = SitAndGoTables.connect(room, List.of("uma", "bot3"));
            SitAndGoTables.register(room, "uma", sng);
            SitAndGoTables.register(room, "bot3", sng);
            long table = SitAndGoTables.tableOf(room, sng);
            uma.page.locator("#table-name").waitFor(); // opened by the start pushed over the socket
            assertThat(uma.page.url()).endsWith("#/table/" + table);
            uma.page.locator(".table-tools #sit-out").waitFor();
            assertThat(uma.page.locator(".table-tools #top-up, .table-tools #rebuy, .table-tools #leave-table").count())
                    .as("top-up, rebuy and leave at a tournament's table").isZero();
            uma.page.evaluate(HEADING_WATCH);

            bots = SitAndGoTables.sitDown(players, table, i -> AutoPlayer.Policy.checkOrCall());
            // Checking and calling, no one busts in the first hand: the second is dealt at level 2. The page draws at
            // most once a frame, so a level that lasts one quick hand may pass between two drawings: the heading must
            // move on from the first level's blinds to a later level's, in the order the levels rise.
            uma.page.waitForFunction("() => window.__blinds.some(text => text !== 'Blinds 10/20')");
            List<Object> shown = List.copyOf((List<?>) uma.page.evaluate("() => window.__blinds"));
            assertThat(shown.get(0)).as("the heading's blinds at the first level").isEqualTo("Blinds 10/20");
            assertThat(bigBlindOf(shown.get(1))).as("the heading's big blind at a later level, in %s", shown)
                    .isGreaterThan(bigBlindOf(shown.get(0)));
            SitAndGoTables.awaitStatus(room, sng, "FINISHED");
        } catch (AssertionError | RuntimeException e) {
            Chromium.screenshot(uma.page, "tournament-table-tools-failure");
            throw e;
        } finally {
            bots.forEach(AutoPlayer::close);
        }
        try {
            long cash = room.openTable(TableDirectory.plainTable("Elm", Money.parse("0.50"), Money.parse("1.00"), 6));
            uma.goTo("#/table/" + cash + "/sit");
            uma.buyIn("40");
            uma.page.locator(".table-tools #top-up").waitFor();
            uma.page.locator(".table-tools #leave-table").waitFor();
            assertThat(uma.page.locator("#table-stakes").textContent()).isEqualTo("Blinds 0.50/1.00");
            assertThat(uma.consoleErrors()).isEmpty();
        } finally {
            uma.close();
        }
    }
}
