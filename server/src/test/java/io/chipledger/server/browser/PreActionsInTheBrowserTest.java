package io.chipledger.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.TableView;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.Chromium;
import io.chipledger.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pre-actions in Chromium, heads-up against a player the test moves one decision at a time: a "Check" chosen while the
 * other player thinks is sent by the page when the turn comes, and one chosen before a bet is dropped, never sent on
 * the new price.
 */
class PreActionsInTheBrowserTest {

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser();

    /** Plays each decision the test hands it, waiting for it. */
    private static final class Scripted implements AutoPlayer.Policy {
        private final BlockingQueue<AutoPlayer.Choice> next = new LinkedBlockingQueue<>();

        @Override
        public AutoPlayer.Choice choose(TableView.LegalActions legal) {
            try {
                AutoPlayer.Choice choice = next.poll(60, TimeUnit.SECONDS);
                return choice != null ? choice : new AutoPlayer.Choice(legal.canCheck() ? ActionKind.CHECK : ActionKind.FOLD, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new AutoPlayer.Choice(ActionKind.FOLD, null);
            }
        }

        void then(ActionKind action, String amount) {
            next.add(new AutoPlayer.Choice(action, amount == null ? null : Money.parse(amount)));
        }
    }

    @Test
    void aCheckChosenAheadIsSentOnTheTurnAndOneChosenBeforeABetIsDropped() throws Exception {
        long tableId = room.openTable("Ahead", 6);
        Scripted script = new Scripted();
        try (AutoPlayer rex = AutoPlayer.sitDown(room, "rex", tableId, 1, "100.00").play(script)) {
            BrowserPlayer pia = BrowserPlayer.signUp(room.chromium(), room.http(), "pia", 1280, 800);
            pia.goTo("#/table/" + tableId + "/sit");
            pia.buyIn("50");
            Page page = pia.page;

            // Preflop pia, on the button, completes the small blind; rex checks his option.
            pia.waitForMyTurn();
            pia.checkOrCall();
            awaitRexToAct(page);
            script.then(ActionKind.CHECK, null);

            // Flop: rex acts first. While he thinks, pia chooses Check; when her turn comes the page sends it.
            waitForBoard(page, 3);
            awaitRexToAct(page);
            assertThat(page.locator("#pre-actions .pre").allTextContents()).containsExactly("Check/Fold", "Check", "Call any");
            page.locator("#pre-check").click();
            assertThat(page.locator("#pre-check").getAttribute("aria-pressed")).isEqualTo("true");
            int actsBefore = pia.sent("act").size();
            script.then(ActionKind.CHECK, null);
            waitForBoard(page, 4);
            List<Map<String, Object>> acts = pia.sent("act");
            assertThat(acts).hasSize(actsBefore + 1);
            assertThat(acts.get(acts.size() - 1)).containsEntry("action", "CHECK");

            // Turn: she chooses Check again, but rex bets 2.00 first: nothing is sent, and she decides on the new price.
            awaitRexToAct(page);
            page.locator("#pre-check").click();
            page.setViewportSize(375, 667);
            Chromium.screenshot(page, "pre-action-chosen-375x667");
            page.setViewportSize(1280, 800);
            script.then(ActionKind.BET, "2.00");
            pia.waitForMyTurn();
            assertThat(pia.sent("act")).as("the check chosen before the bet is not sent").hasSize(actsBefore + 1);
            assertThat(page.locator("#act-call").textContent()).isEqualTo("Call 2.00");
            assertThat(page.locator("#pre-actions").isHidden()).isTrue();
            Chromium.screenshot(page, "pre-action-dropped-1280x800");
            page.locator("#act-call").click();
            waitForBoard(page, 5);
            assertThat(pia.consoleErrors()).isEmpty();
            pia.close();
        }
    }

    private static void awaitRexToAct(Page page) {
        page.locator("#seat-1.to-act").waitFor();
    }

    private static void waitForBoard(Page page, int cards) {
        page.waitForFunction("n => document.querySelectorAll('#board .card[data-card]').length >= n", cards);
    }
}
