package io.chipledger.server.browser;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The hand log and the chat survive a reload of the table page, drawn as text (a chat line is never HTML), once each;
 * and come from the server's latest events, so another device (or a spectator arriving) reads them too, with the
 * names of those who played then.
 */
class TableLogAfterReloadTest {

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser();

    @Test
    void theLogAndTheChatAreThereAfterAReload() throws Exception {
        long tableId = room.openTable("Reload log", 6);
        try (AutoPlayer bot = AutoPlayer.sitDown(room, "log-bot", tableId, 1, "100.00").play(checkOrCall()).rebuyWhenBusted()) {
            BrowserPlayer wes = BrowserPlayer.signUp(room.chromium(), room.http(), "wes", 1280, 800);
            wes.goTo("#/table/" + tableId + "/sit");
            wes.buyIn("50");
            Page page = wes.page;
            page.locator("#chat-input").fill("<b>hello</b> table");
            page.locator("#chat-input").press("Enter");
            page.locator("#log li.chat").waitFor();
            page.locator("#log li.handStarted").first().waitFor();

            page.reload();

            page.locator("#log li.chat").waitFor();
            assertThat(page.locator("#log li.chat").textContent()).isEqualTo("wes: <b>hello</b> table");
            assertThat(page.locator("#log li.chat b").count()).as("the name only, never the text as HTML").isEqualTo(1);
            assertThat(page.locator("#log li.dealer").filter(new Locator.FilterOptions().setHasText("wes sits in seat")).count())
                    .isEqualTo(1);
            assertThat(page.locator("#log li.handStarted").count()).isPositive();
            assertThat(wes.consoleErrors()).isEmpty();
            wes.close();
        }
    }

    @Test
    void anotherDeviceReadsTheLogAndTheChatFromTheServer() throws Exception {
        long tableId = room.openTable("Server log", 6);
        try (AutoPlayer bot = AutoPlayer.sitDown(room, "log-bot2", tableId, 1, "100.00").play(checkOrCall()).rebuyWhenBusted()) {
            BrowserPlayer ida = BrowserPlayer.signUp(room.chromium(), room.http(), "ida", 1280, 800);
            ida.goTo("#/table/" + tableId + "/sit");
            ida.buyIn("50");
            ida.page.locator("#chat-input").fill("anyone from the other room?");
            ida.page.locator("#chat-input").press("Enter");
            ida.page.locator("#log li.chat").waitFor();
            ida.page.locator("#log li.handStarted").first().waitFor();

            // A fresh browser, nothing stored: a spectator opening the table reads what was said and dealt.
            BrowserPlayer jon = BrowserPlayer.signUp(room.chromium(), room.http(), "jon", 1280, 800);
            jon.goTo("#/table/" + tableId);
            Page page = jon.page;
            page.locator("#log li.chat").waitFor();
            assertThat(page.locator("#log li.chat").textContent()).isEqualTo("ida: anyone from the other room?");
            assertThat(page.locator("#log li.dealer").filter(new Locator.FilterOptions().setHasText("ida sits in seat")).count())
                    .isEqualTo(1);
            assertThat(page.locator("#log li.handStarted").first().textContent()).matches("Hand #\\d+: (ida|log-bot2) has the button");
            assertThat(page.locator("#log li.blindPosted").first().textContent()).matches("(ida|log-bot2) posts the small blind 0.50");
            assertThat(jon.consoleErrors()).isEmpty();
            jon.close();
            ida.close();
        }
    }
}
