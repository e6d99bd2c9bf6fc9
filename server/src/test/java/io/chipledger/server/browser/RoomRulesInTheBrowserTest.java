package io.chipledger.server.browser;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.Chromium;
import io.chipledger.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules of the room as a player meets them in Chromium: a busted player is offered a rebuy whose amount the page
 * bounds as the server does, and an operator's pause and removal show a notice with the reason, at desktop and phone
 * sizes.
 */
class RoomRulesInTheBrowserTest {

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withAdmin().withBrowser();

    /** All-in whenever it may raise, a call otherwise. */
    private static final AutoPlayer.Policy SHOVE = legal -> new AutoPlayer.Choice(
            legal.maxRaiseTo() != null ? ActionKind.ALL_IN : legal.canCheck() ? ActionKind.CHECK : ActionKind.CALL, null);

    @Test
    void aBustedPlayerIsOfferedARebuyWithinTheBuyInRangeAndBuysBackIn() throws Exception {
        long tableId = room.openTable("Rebuy", 6);
        try (AutoPlayer rex = AutoPlayer.sitDown(room, "rex", tableId, 1, "100.00").play(SHOVE).rebuyWhenBusted()) {
            BrowserPlayer pia = BrowserPlayer.signUp(room.chromium(), room.http(), "pia", 1280, 800);
            pia.goTo("#/table/" + tableId + "/sit");
            pia.buyIn("20");
            int seat = pia.mySeat();

            // Rex shoves every hand and covers her: she calls until she has nothing left.
            while (true) {
                String state = (String) pia.page.waitForFunction("""
                        () => document.getElementById('chips-dialog') ? 'rebuy'
                            : document.getElementById('action-bar').dataset.state === 'my-turn' ? 'turn' : null""").jsonValue();
                if (state.equals("rebuy")) {
                    break;
                }
                String turn = pia.page.locator("#action-bar").getAttribute("data-turn");
                pia.checkOrCall();
                pia.waitUntilActed(turn);
            }

            assertThat(pia.page.locator("#chips-dialog h2").textContent()).isEqualTo("Rebuy");
            assertThat(pia.page.locator("#chips-min").textContent()).isEqualTo("20.00");
            assertThat(pia.page.locator("#seat-" + seat).getAttribute("data-status")).isEqualTo("busted");
            assertThat(pia.page.locator("#rebuy").isVisible()).isTrue();
            Chromium.screenshot(pia.page, "rebuy-offer-1280x800");
            pia.page.locator("#chips-amount").fill("0.01");
            assertThat(pia.page.locator("#chips-error").textContent()).isEqualTo("the minimum is 20.00");
            assertThat(pia.page.locator("#chips-confirm").isDisabled()).isTrue();

            pia.page.locator("#chips-amount").fill("25");
            pia.page.locator("#chips-confirm").click();

            pia.page.waitForFunction("seat => document.querySelector('#seat-' + seat + ' .seat-stack').textContent === '25.00'"
                    + " || document.getElementById('table').dataset.handId !== ''", String.valueOf(seat));
            assertThat(room.wallet("pia")).isEqualTo(Money.parse("955.00"));
            assertThat(pia.consoleErrors()).isEmpty();
            pia.close();
        }
        assertThat(room.audit().clean()).isTrue();
    }

    @Test
    void anOperatorsPauseAndRemovalShowANoticeWithTheReasonOnAPhone() throws Exception {
        long tableId = room.openTable("Notice", 6);
        try (AutoPlayer sam = AutoPlayer.sitDown(room, "sam", tableId, 1, "50.00").play(checkOrCall()).rebuyWhenBusted()) {
            BrowserPlayer quin = BrowserPlayer.signUp(room.chromium(), room.http(), "quin", 375, 667);
            quin.goTo("#/table/" + tableId + "/sit");
            quin.buyIn("50");

            room.adminPost("/api/admin/table/pause", request(tableId, "dealer change"));
            quin.page.locator("#table-notice[data-kind='paused']").waitFor();
            assertThat(quin.page.locator("#table-notice").textContent()).contains("paused by an operator: dealer change");
            assertThat(quin.page.locator("#table-notice").isVisible()).isTrue();
            Chromium.screenshot(quin.page, "notice-paused-375x667");
            room.adminPost("/api/admin/table/resume", request(tableId, "dealer is back"));
            quin.page.locator("#table-notice").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));

            room.adminPost("/api/admin/table/kick", "{\"tableId\":" + tableId + ",\"playerId\":" + room.playerId("quin")
                    + ",\"reason\":\"abusive chat\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}");
            quin.page.locator("#table-notice[data-kind='removed']").waitFor();
            assertThat(quin.page.locator("#table-notice").textContent())
                    .contains("An operator removed you from this table: abusive chat").contains("15 min");
            quin.page.locator(".seat[data-player='quin']").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                    .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
            Chromium.screenshot(quin.page, "notice-removed-375x667");

            quin.page.locator("#take-seat").click();
            quin.page.locator("#chips-amount").fill("50");
            quin.page.locator("#chips-confirm").click();
            quin.page.waitForFunction("() => document.getElementById('chips-error').textContent.includes('may sit here again')");
            assertThat(room.seat(tableId, "quin")).as("the refused buy-in moved nothing").isEqualTo(Money.ZERO);
            assertThat(room.wallet("quin").plus(room.wallet("sam")).plus(room.chipsOnTable(tableId)))
                    .isEqualTo(Money.parse("2000.00"));
            assertThat(quin.consoleErrors()).isEmpty();
            quin.close();
        }
    }

    private static String request(long tableId, String reason) {
        return "{\"tableId\":" + tableId + ",\"reason\":\"" + reason + "\",\"idempotencyKey\":\"" + TestServer.newKey() + "\"}";
    }
}
