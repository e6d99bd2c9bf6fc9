package io.chipledger.server.browser;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.Chromium;
import io.chipledger.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sizing a bet in Chromium at a desktop's and a phone's size: preflop presets in big blinds, +/- a big blind, the
 * amount also shown in big blinds, and every control on screen at the player's turn, none overlapping another.
 */
class BetSizingInTheBrowserTest {

    private static final String[] CONTROLS = {"#act-fold", "#act-check", "#act-call", "#raise-minus", "#raise-amount",
        "#raise-plus", "#act-raise", "#preset-x2_5", "#preset-x3", "#preset-x4", "#preset-allin"};

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser();

    @Test
    void atADesktopsSize() throws Exception {
        sizeABetAt(1280, 800);
    }

    @Test
    void atAPhonesSize() throws Exception {
        sizeABetAt(375, 667);
    }

    private void sizeABetAt(int width, int height) throws Exception {
        long tableId = room.openTable("Size " + width, 6);
        String name = "sizer" + width;
        try (AutoPlayer bot = AutoPlayer.sitDown(room, name + "-bot", tableId, 1, "100.00").play(checkOrCall()).rebuyWhenBusted()) {
            BrowserPlayer player = BrowserPlayer.signUp(room.chromium(), room.http(), name, width, height);
            player.goTo("#/table/" + tableId + "/sit");
            player.buyIn("50");
            player.waitForMyTurn(); // preflop, on the button: unopened
            Page page = player.page;

            assertThat(page.locator("#presets .preset").allTextContents()).containsExactly("2.5x", "3x", "4x", "All-in");
            page.locator("#preset-x3").click();
            assertThat(page.locator("#raise-amount").inputValue()).isEqualTo("3.00");
            assertThat(page.locator("#amount-bb").textContent()).isEqualTo("= 3 BB");
            page.locator("#raise-plus").click();
            assertThat(page.locator("#raise-amount").inputValue()).isEqualTo("4.00");
            page.locator("#raise-minus").click();
            page.locator("#raise-minus").click();
            page.locator("#raise-minus").click();
            assertThat(page.locator("#raise-amount").inputValue()).as("never below the minimum raise").isEqualTo("2.00");
            page.locator("#preset-x2_5").click();
            assertThat(page.locator("#act-raise").textContent()).isEqualTo("Raise to 2.50");
            assertThat(page.locator("#amount-bb").textContent()).isEqualTo("= 2.5 BB");
            for (String control : CONTROLS) {
                assertOnScreen(page, control);
            }
            assertNoTwoOverlap(page, CONTROLS);
            Chromium.screenshot(page, "sizing-" + width + "x" + height);

            page.locator("#act-raise").click();
            player.page.waitForFunction("() => [...document.querySelectorAll('#log li')].some(li => li.textContent.includes('raises to 2.50'))");
            assertThat(player.consoleErrors()).isEmpty();
            player.close();
        }
    }

    private static void assertOnScreen(Page page, String selector) {
        double windowHeight = ((Number) page.evaluate("() => window.innerHeight")).doubleValue();
        double windowWidth = ((Number) page.evaluate("() => window.innerWidth")).doubleValue();
        BoundingBox topBar = page.locator(".top-bar").boundingBox();
        BoundingBox box = page.locator(selector).boundingBox();
        String size = page.viewportSize().width + "x" + page.viewportSize().height;
        assertThat(box).as("%s at %s", selector, size).isNotNull();
        assertThat(box.y).as("top of %s at %s", selector, size).isGreaterThanOrEqualTo(topBar.y + topBar.height);
        assertThat(box.y + box.height).as("bottom of %s at %s", selector, size).isLessThanOrEqualTo(windowHeight);
        assertThat(box.x).as("left of %s at %s", selector, size).isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).as("right of %s at %s", selector, size).isLessThanOrEqualTo(windowWidth);
    }

    private static void assertNoTwoOverlap(Page page, String[] selectors) {
        List<BoundingBox> boxes = new ArrayList<>();
        for (String selector : selectors) {
            boxes.add(page.locator(selector).boundingBox());
        }
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                BoundingBox a = boxes.get(i);
                BoundingBox b = boxes.get(j);
                boolean overlap = a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5
                        && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
                assertThat(overlap).as("%s overlaps %s", selectors[i], selectors[j]).isFalse();
            }
        }
    }
}
