package io.chipledger.server.browser;

import static io.chipledger.server.browser.PreActionsInTheBrowserTest.awaitRexToAct;
import static io.chipledger.server.browser.PreActionsInTheBrowserTest.waitForBoard;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.browser.PreActionsInTheBrowserTest.Scripted;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.Chromium;
import io.chipledger.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Fold stays available when checking is free, as in the rooms players know, but the page asks first: pressing it
 * sends nothing and offers Fold or Check in its place. Heads-up in Chromium against a player the test moves: on the
 * flop the player thinks better of it and checks; on the turn they fold, the server takes it and the other player wins.
 */
class FoldWhenCheckIsFreeTest {

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser();

    @Test
    void foldingWhenCheckingIsFreeAsksFirstThenChecksOrFoldsAsAnswered() throws Exception {
        long tableId = room.openTable("Free check", 6);
        try (Scripted script = new Scripted();
             AutoPlayer rex = AutoPlayer.sitDown(room, "rex", tableId, 1, "100.00").play(script)) {
            BrowserPlayer pia = BrowserPlayer.signUp(room.chromium(), room.http(), "pia", 1280, 800);
            pia.goTo("#/table/" + tableId + "/sit");
            pia.buyIn("50");
            Page page = pia.page;

            // Preflop pia, on the button, completes the small blind; rex checks his option, and checks the flop.
            pia.waitForMyTurn();
            pia.checkOrCall();
            awaitRexToAct(page);
            script.then(ActionKind.CHECK, null);
            waitForBoard(page, 3);
            awaitRexToAct(page);
            script.then(ActionKind.CHECK, null);

            // Checking is free: Fold is there, and asks before anything is sent. She checks instead.
            pia.waitForMyTurn();
            assertThat(pia.canCheck()).isTrue();
            assertThat(page.locator("#act-fold").isEnabled()).isTrue();
            int acts = pia.sent("act").size();
            page.locator("#act-fold").click();
            page.locator("#fold-confirm").waitFor();
            assertThat(page.locator("#fold-confirm .fold-question").textContent()).isEqualTo("Checking is free. Fold anyway?");
            assertThat(page.locator("#act-fold").isVisible()).as("the question takes the buttons' place").isFalse();
            assertThat(pia.sent("act")).as("nothing sent before she answers").hasSize(acts);
            page.setViewportSize(375, 667);
            Chromium.screenshot(page, "fold-when-check-is-free-375x667");
            page.setViewportSize(1280, 800);
            page.locator("#fold-check").click();
            waitForBoard(page, 4);
            assertThat(pia.sent("act")).hasSize(acts + 1);
            assertThat(pia.sent("act").get(acts)).containsEntry("action", "CHECK");

            // The turn: rex checks again; this time she folds anyway, and the server takes it.
            awaitRexToAct(page);
            script.then(ActionKind.CHECK, null);
            pia.waitForMyTurn();
            page.locator("#act-fold").click();
            page.locator("#fold-anyway").click();
            page.waitForFunction("() => document.getElementById('action-bar').dataset.state !== 'my-turn'");
            List<Map<String, Object>> sent = pia.sent("act");
            assertThat(sent).hasSize(acts + 2);
            assertThat(sent.get(acts + 1)).containsEntry("action", "FOLD");
            String requestId = (String) sent.get(acts + 1).get("requestId");
            page.waitForFunction("id => window.__replies[id] !== undefined", requestId);
            assertThat(pia.replyTo(requestId)).isEqualTo("done");
            // The script is done. Closed only after the waits below, the next hand's turn for rex would sit in the
            // script for its 60 s holding rex's lock, and the waits with it.
            script.close();
            rex.awaitEvent(TableEvent.PlayerActed.class, acted -> acted.seat() == 0 && acted.action() == ActionKind.FOLD);
            assertThat(rex.awaitEvent(TableEvent.PotAwarded.class, award -> award.seat() == 1).pot()).isZero();
            assertThat(pia.consoleErrors()).isEmpty();
            pia.close();
        }
    }
}
