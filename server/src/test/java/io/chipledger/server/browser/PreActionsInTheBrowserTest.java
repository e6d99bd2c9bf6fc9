package io.chipledger.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.Chromium;
import io.chipledger.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pre-actions in Chromium, heads-up against a player the test moves one decision at a time: a "Check" chosen while the
 * other player thinks is sent by the page when the turn comes, and one chosen before a bet is dropped, never sent on
 * the new price; three-handed, a "Call 2.00" chosen while a raise is pending is dropped when the raise comes.
 */
class PreActionsInTheBrowserTest {

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser();

    /** Plays each decision the test hands it, waiting for it. */
    static final class Scripted implements AutoPlayer.Policy, AutoCloseable {
        private final BlockingQueue<AutoPlayer.Choice> next = new LinkedBlockingQueue<>();
        private volatile boolean over;

        @Override
        public AutoPlayer.Choice choose(TableView.LegalActions legal) {
            try {
                // A turn the script did not reach waits for the test's next step; once the test is over, none comes.
                AutoPlayer.Choice choice = over ? null : next.poll(60, TimeUnit.SECONDS);
                return choice != null && !over ? choice
                        : new AutoPlayer.Choice(legal.canCheck() ? ActionKind.CHECK : ActionKind.FOLD, null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new AutoPlayer.Choice(ActionKind.FOLD, null);
            }
        }

        void then(ActionKind action, String amount) {
            next.add(new AutoPlayer.Choice(action, amount == null ? null : Money.parse(amount)));
        }

        /** The test is over: a turn waiting for the script (the next hand's) is answered at once, not in 60 s. */
        @Override
        public void close() {
            over = true;
            next.add(new AutoPlayer.Choice(ActionKind.FOLD, null));
        }
    }

    @Test
    void aCheckChosenAheadIsSentOnTheTurnAndOneChosenBeforeABetIsDropped() throws Exception {
        long tableId = room.openTable("Ahead", 6);
        try (Scripted script = new Scripted();
             AutoPlayer rex = AutoPlayer.sitDown(room, "rex", tableId, 1, "100.00").play(script)) {
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
            script.close(); // before rex leaves: his next turn is not waited for
            pia.close();
        }
    }

    /**
     * Two bots sharing one script for the first hand the browser's player (seat 0) is dealt into, as the big blind: the
     * first to act raises to 3.00, the second waits for the test's word and raises to 9.00; every other decision is a
     * check or a fold (so the bots' hands alone end at once), or after the raises a check or a call.
     */
    private static final class RaiseOverThePreAction implements AutoPlayer.Policy {
        final CountDownLatch reRaise = new CountDownLatch(1);
        private long scriptedHand = -1;
        private long currentHand = -1;
        private int decisions;

        @Override
        public synchronized void heard(TableEvent event) {
            if (event instanceof TableEvent.HandStarted started) {
                currentHand = started.handId();
                if (scriptedHand < 0 && started.seatsDealtIn().contains(0)) {
                    scriptedHand = started.handId();
                }
            }
        }

        @Override
        public AutoPlayer.Choice choose(TableView.LegalActions legal) {
            int decision;
            synchronized (this) {
                if (currentHand != scriptedHand) {
                    return new AutoPlayer.Choice(legal.canCheck() ? ActionKind.CHECK : ActionKind.FOLD, null);
                }
                decision = decisions++;
            }
            if (decision == 0) {
                return new AutoPlayer.Choice(ActionKind.RAISE, Money.parse("3.00"));
            }
            if (decision == 1) {
                try {
                    reRaise.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new AutoPlayer.Choice(ActionKind.RAISE, Money.parse("9.00"));
            }
            return new AutoPlayer.Choice(legal.canCheck() ? ActionKind.CHECK : ActionKind.CALL, null);
        }
    }

    @Test
    void aCallChosenAheadIsDroppedWhenARaiseChangesThePrice() throws Exception {
        long tableId = room.openTable("Three ahead", 6);
        RaiseOverThePreAction script = new RaiseOverThePreAction();
        try (AutoPlayer rex = AutoPlayer.sitDown(room, "rex3", tableId, 1, "100.00").play(script);
             AutoPlayer sam = AutoPlayer.sitDown(room, "sam3", tableId, 2, "100.00").play(script)) {
            BrowserPlayer pia = BrowserPlayer.signUp(room.chromium(), room.http(), "pia3", 1280, 800);
            pia.goTo("#/table/" + tableId + "/sit"); // the first free seat: 0
            pia.buyIn("50");
            Page page = pia.page;
            assertThat(pia.mySeat()).isZero();

            // Dealt in as the big blind; the first raise is made, and the second bot thinks: she faces 2.00 more.
            page.waitForFunction("""
                    () => document.querySelectorAll('#seat-0 .seat-cards .card[data-card]').length === 2
                          && document.querySelector('#pre-call') !== null""");
            assertThat(page.locator("#pre-actions .pre").allTextContents()).containsExactly("Fold", "Call 2.00", "Call any");
            page.locator("#pre-call").click();
            assertThat(page.locator("#pre-call").getAttribute("aria-pressed")).isEqualTo("true");
            int acts = pia.sent("act").size();
            script.reRaise.countDown();

            pia.waitForMyTurn();
            assertThat(pia.sent("act")).as("the call chosen at 2.00 is not sent at 8.00").hasSize(acts);
            assertThat(page.locator("#act-call").textContent()).isEqualTo("Call 8.00");
            assertThat(page.locator("#pre-actions").isHidden()).isTrue();
            Chromium.screenshot(page, "pre-action-dropped-on-a-raise-1280x800");
            String turn = page.locator("#action-bar").getAttribute("data-turn");
            page.locator("#act-fold").click();
            pia.waitUntilActed(turn);
            assertThat(pia.sent("act").get(acts)).containsEntry("action", "FOLD");
            assertThat(pia.consoleErrors()).isEmpty();
            pia.close();
        }
    }

    static void awaitRexToAct(Page page) {
        page.locator("#seat-1.to-act").waitFor();
    }

    static void waitForBoard(Page page, int cards) {
        page.waitForFunction("n => document.querySelectorAll('#board .card[data-card]').length >= n", cards);
    }
}
