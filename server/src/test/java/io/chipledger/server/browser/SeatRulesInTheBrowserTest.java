package io.chipledger.server.browser;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.table.SeatTimeouts;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.Chromium;
import io.chipledger.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seat's rules as a player meets them in Chromium: a busted player who does not rebuy in time is stood up and the
 * seat offered again; a top-up can leave the stack neither below the table minimum nor above its maximum; a player who
 * sits down at a running game is dealt in first as the big blind; an operator's freeze is told with its reason.
 */
class SeatRulesInTheBrowserTest {

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withAdmin().withBrowser().settings(ServerSettings.forTests()
            .withSeatTimeouts(SeatTimeouts.defaults().withRebuyWindow(Duration.ofSeconds(5))));

    /** All-in whenever it may raise, a call otherwise. */
    private static final AutoPlayer.Policy SHOVE = legal -> new AutoPlayer.Choice(
            legal.maxRaiseTo() != null ? ActionKind.ALL_IN : legal.canCheck() ? ActionKind.CHECK : ActionKind.CALL, null);

    @Test
    void aBustedPlayerWhoDoesNotRebuyInTimeIsStoodUpAndTheSeatIsOfferedAgain() throws Exception {
        long tableId = room.openTable("Stand up", 6);
        try (AutoPlayer rex = AutoPlayer.sitDown(room, "rex-s", tableId, 1, "100.00").play(SHOVE).rebuyWhenBusted()) {
            BrowserPlayer ada = BrowserPlayer.signUp(room.chromium(), room.http(), "ada", 375, 667);
            ada.goTo("#/table/" + tableId + "/sit");
            ada.buyIn("20");
            int seat = ada.mySeat();
            Page page = ada.page;
            while (page.locator("#chips-dialog").count() == 0) {
                page.waitForFunction("""
                        () => document.getElementById('chips-dialog')
                              || document.getElementById('action-bar').dataset.state === 'my-turn'""");
                if (ada.isMyTurn()) {
                    String turn = page.locator("#action-bar").getAttribute("data-turn");
                    ada.checkOrCall();
                    ada.waitUntilActed(turn);
                }
            }
            assertThat(page.locator("#chips-dialog h2").textContent()).isEqualTo("Rebuy");
            assertThat(page.locator("#seat-" + seat).getAttribute("data-status")).isEqualTo("busted");

            // She lets the window pass: the seat is given up, the log says so, and the page offers her a seat again.
            page.locator("#seat-" + seat + ".empty").waitFor();
            assertThat(page.locator(".seat[data-player='ada']").count()).isZero();
            assertThat(page.locator("#log li.seatLeft").last().textContent()).isEqualTo("ada leaves the table with 0.00");
            page.locator("#take-seat").waitFor();
            Chromium.screenshot(page, "stood-up-375x667");
            assertThat(room.seat(tableId, "ada")).isEqualTo(Money.ZERO);
            assertThat(room.wallet("ada")).isEqualTo(Money.parse("980.00"));
            ada.close();
        }
        assertThat(room.audit().clean()).isTrue();
    }

    @Test
    void aTopUpIsBoundedByTheTableMinimumAndMaximum() throws Exception {
        long tableId = room.openTable("Top up", 6);
        try (AutoPlayer bot = AutoPlayer.sitDown(room, "bot-t", tableId, 1, "100.00").play(checkOrCall()).rebuyWhenBusted()) {
            BrowserPlayer ben = BrowserPlayer.signUp(room.chromium(), room.http(), "ben", 1280, 800);
            ben.goTo("#/table/" + tableId + "/sit");
            ben.buyIn("30");
            Page page = ben.page;
            // Sitting out, he is in no hand: a top-up is between hands.
            page.locator("#sit-out").click();
            // The hand he is in goes on: he plays it out.
            while (true) {
                page.waitForFunction("""
                        () => { const b = document.getElementById('top-up');
                                return (b && !b.disabled) || document.getElementById('action-bar').dataset.state === 'my-turn'; }""");
                if (!ben.isMyTurn()) {
                    break;
                }
                String turn = page.locator("#action-bar").getAttribute("data-turn");
                ben.checkOrCall();
                ben.waitUntilActed(turn);
            }
            Money stack = BrowserPlayer.displayed(page.locator(".seat[data-player='ben'] .seat-stack").textContent());
            page.locator("#top-up").click();
            page.locator("#chips-dialog").waitFor();
            // The stack may end at most at the table maximum, 100.00.
            Money room100 = Money.parse("100.00").minus(stack);
            assertThat(page.locator("#chips-max").textContent()).isEqualTo(room100.toString());
            page.locator("#chips-amount").fill(room100.plus(Money.parse("0.01")).toString());
            assertThat(page.locator("#chips-error").textContent()).isEqualTo("the maximum is " + room100);
            assertThat(page.locator("#chips-confirm").isDisabled()).isTrue();
            page.locator("#chips-amount").fill(room100.toString());
            page.locator("#chips-confirm").click();
            page.waitForFunction("() => document.querySelector(\".seat[data-player='ben'] .seat-stack\").textContent === '100.00'");
            assertThat(room.seat(tableId, "ben")).isEqualTo(Money.parse("100.00"));
            assertThat(page.locator("#top-up").isDisabled()).as("no room left under the maximum").isTrue();
            assertThat(ben.consoleErrors()).isEmpty();
            ben.close();
        }
    }

    @Test
    void aPlayerWhoSitsDownAtARunningGameWaitsForTheBigBlindAndIsDealtInPostingIt() throws Exception {
        long tableId = room.openTable("Big blind", 6);
        try (AutoPlayer one = AutoPlayer.sitDown(room, "one-b", tableId, 1, "100.00").play(checkOrCall()).rebuyWhenBusted();
             AutoPlayer two = AutoPlayer.sitDown(room, "two-b", tableId, 3, "100.00").play(checkOrCall()).rebuyWhenBusted()) {
            BrowserPlayer cyd = BrowserPlayer.signUp(room.chromium(), room.http(), "cyd", 844, 390);
            cyd.goTo("#/table/" + tableId);
            Page page = cyd.page;
            page.locator("#table[data-hand-id]:not([data-hand-id=''])").waitFor(); // a hand is running
            // Every status her seat shows, from the moment she sits.
            page.evaluate("""
                    () => { window.__statuses = [];
                            new MutationObserver(() => {
                              const status = document.getElementById('seat-0')?.dataset.status;
                              if (status && window.__statuses.at(-1) !== status) window.__statuses.push(status);
                            }).observe(document.getElementById('table'), { childList: true, subtree: true }); }""");
            // The felt is drawn anew at each of the bots' actions: the seat is clicked in the page, not waited on.
            page.evaluate("() => document.getElementById('seat-0').click()");
            cyd.buyIn("50");
            page.locator("#seat-0 .seat-cards .card[data-card]").first().waitFor();

            // The log from her sitting down to her first cards: the hands dealt without her, then hers, as big blind.
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> told = (java.util.Map<String, Object>) page.evaluate("""
                    () => { const lines = [...document.querySelectorAll('#log li')].map(li => li.textContent);
                            const sat = lines.findIndex(t => t.startsWith('cyd sits in seat'));
                            const after = lines.slice(sat);
                            const firstBlind = after.findIndex(t => t.startsWith('cyd posts'));
                            const hands = after.slice(0, firstBlind).filter(t => t.startsWith('Hand #')).length;
                            return { firstBlind: after[firstBlind], handsBefore: hands, statuses: window.__statuses.join(' ') }; }""");
            assertThat(told.get("firstBlind")).isEqualTo("cyd posts the big blind 1.00");
            // The hand she is dealt into is the last one started before that blind: any before it went by without her,
            // and while they did her seat said she waits for the big blind.
            int handsWithoutHer = ((Number) told.get("handsBefore")).intValue() - 1;
            if (handsWithoutHer > 0) {
                assertThat((String) told.get("statuses")).contains("waiting-for-big-blind");
            }
            assertThat(page.locator("#seat-0 .seat-note").textContent()).isNotEqualTo("Waits for big blind");
            Chromium.screenshot(page, "dealt-in-as-big-blind-844x390");
            assertThat(cyd.consoleErrors()).isEmpty();
            cyd.close();
        }
    }

    @Test
    void aFrozenPlayerIsToldWhyAndTheReasonStaysInSight() throws Exception {
        long tableId = room.openTable("Freeze", 6);
        try (AutoPlayer bot = AutoPlayer.sitDown(room, "bot-f", tableId, 1, "100.00").play(checkOrCall()).rebuyWhenBusted()) {
            BrowserPlayer dov = BrowserPlayer.signUp(room.chromium(), room.http(), "dov", 375, 667);
            dov.goTo("#/table/" + tableId + "/sit");
            dov.buyIn("50");
            assertThat(room.adminPost("/api/admin/player/freeze", "{\"playerId\":" + room.playerId("dov")
                    + ",\"reason\":\"chargeback under review\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}")
                    .get("frozen").asBoolean()).isTrue();
            String told = "account frozen by an operator: chargeback under review";
            dov.page.waitForFunction("text => document.body.innerText.includes(text)", told);
            // Whether the page stays at the table (a notice) or is sent to log in again, the reason is still there.
            dov.page.waitForFunction("""
                    text => [document.getElementById('table-notice'), document.getElementById('login-error')]
                        .some(e => e && !e.hidden && e.textContent.includes(text))""", told);
            Chromium.screenshot(dov.page, "frozen-375x667");
            dov.page.locator(".toast").first().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
            assertThat((Boolean) dov.page.evaluate("""
                    text => [document.getElementById('table-notice'), document.getElementById('login-error')]
                        .some(e => e && !e.hidden && e.textContent.includes(text))""", told))
                    .as("still told after the toast is gone").isTrue();
            dov.close();
        }
    }
}
