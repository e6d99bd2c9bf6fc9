package io.chipledger.server.browser;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.BoundingBox;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A player must be able to act the moment their turn comes, with the clock running: on a phone held upright the action
 * bar's buttons, the amount, the player's own cards and the board are on screen when the turn begins (the page
 * scrolls them there itself if it must); on a phone held sideways the bar sits beside the felt, on screen with the
 * cards; a bar left half under the sticky top bar is brought out at the next turn.
 */
class ActionBarInViewTest {

    private static final String[] CONTROLS = {"#act-fold", "#act-check", "#act-call", "#raise-amount", "#act-raise"};

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser();

    @Test
    void onPhonesHeldUprightTheBarTheCardsAndTheBoardAreOnScreenWhenTheTurnBegins() throws Exception {
        for (int[] size : new int[][] {{375, 667}, {390, 844}}) {
            Seated seated = seatedUntilMyTurn("upright" + size[0], size[0], size[1]);
            BrowserPlayer player = seated.player();
            // The page may have scrolled a little to show it all; the player did not have to.
            player.page.waitForFunction("""
                    () => { const bar = document.getElementById('action-bar').getBoundingClientRect();
                            const covered = document.querySelector('.top-bar').getBoundingClientRect().bottom;
                            const board = document.getElementById('board').getBoundingClientRect();
                            return bar.bottom <= window.innerHeight && board.top >= covered; }""");
            assertOnScreen(player, "#board");
            for (String control : CONTROLS) {
                assertOnScreen(player, control);
            }
            assertOnScreen(player, ".seat.mine .seat-cards");
            seated.close();
        }
    }

    @Test
    void onAPhoneHeldSidewaysTheBarSitsBesideTheFeltOnScreenWhenTheTurnBegins() throws Exception {
        Seated seated = seatedUntilMyTurn("sideways", 844, 390);
        BrowserPlayer player = seated.player();
        player.page.waitForFunction("""
                () => { const bar = document.getElementById('action-bar').getBoundingClientRect();
                        return bar.top >= 0 && bar.bottom <= window.innerHeight; }""");
        assertThat((Boolean) player.page.evaluate("""
                () => document.getElementById('action-bar').getBoundingClientRect().left
                      >= document.querySelector('.felt-frame').getBoundingClientRect().right""")).as("beside the felt").isTrue();
        for (String control : CONTROLS) {
            assertOnScreen(player, control);
        }
        assertOnScreen(player, ".seat.mine .seat-cards");
        seated.close();
    }

    @Test
    void aBarHalfUnderTheTopBarIsBroughtOutWhenTheNextTurnBegins() throws Exception {
        Seated seated = seatedUntilMyTurn("covered", 844, 390);
        BrowserPlayer player = seated.player();
        // The player scrolls on, so the sticky top bar covers the top of the action bar; then checks or calls with the
        // key, which scrolls nothing.
        player.page.evaluate("""
                () => { const covered = document.querySelector('.top-bar').getBoundingClientRect().bottom;
                        const bar = document.getElementById('action-bar').getBoundingClientRect();
                        window.scrollBy({ top: bar.top - covered + 20, behavior: 'instant' }); }""");
        assertThat((Boolean) player.page.evaluate("""
                () => document.getElementById('action-bar').getBoundingClientRect().top
                      < document.querySelector('.top-bar').getBoundingClientRect().bottom""")).isTrue();
        String turn = player.page.locator("#action-bar").getAttribute("data-turn");
        player.page.keyboard().press("c");
        player.waitUntilActed(turn);
        player.waitForMyTurn();
        player.page.waitForFunction("""
                () => { const bar = document.getElementById('action-bar').getBoundingClientRect();
                        const covered = document.querySelector('.top-bar').getBoundingClientRect().bottom;
                        return bar.top >= covered && bar.bottom <= window.innerHeight; }""");
        for (String control : CONTROLS) {
            assertOnScreen(player, control);
        }
        seated.close();
    }

    private record Seated(BrowserPlayer player, AutoPlayer bot) {
        void close() {
            player.close();
            bot.close();
        }
    }

    /** A table of its own with a bot that checks or calls; the player buys in and waits for their first turn. */
    private static Seated seatedUntilMyTurn(String name, int width, int height) throws Exception {
        long tableId = room.openTable("Rowan " + name, 6);
        AutoPlayer bot = AutoPlayer.sitDown(room, name + "-bot", tableId, 3, "50.00").play(checkOrCall()).rebuyWhenBusted();
        BrowserPlayer player = BrowserPlayer.signUp(room.chromium(), room.http(), name, width, height);
        player.goTo("#/table/" + tableId + "/sit");
        player.buyIn("20");
        player.waitForMyTurn();
        return new Seated(player, bot);
    }

    /** Wholly inside the window and below the sticky top bar, which would otherwise cover it. */
    private static void assertOnScreen(BrowserPlayer player, String selector) {
        double windowHeight = ((Number) player.page.evaluate("() => window.innerHeight")).doubleValue();
        BoundingBox topBar = player.page.locator(".top-bar").boundingBox();
        BoundingBox box = player.page.locator(selector).first().boundingBox();
        String size = player.page.viewportSize().width + "x" + player.page.viewportSize().height;
        assertThat(box.y).as("top of %s at %s", selector, size).isGreaterThanOrEqualTo(topBar.y + topBar.height);
        assertThat(box.y + box.height).as("bottom of %s at %s", selector, size).isLessThanOrEqualTo(windowHeight);
    }
}
