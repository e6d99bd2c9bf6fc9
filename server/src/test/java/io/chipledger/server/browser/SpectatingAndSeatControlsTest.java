package io.chipledger.server.browser;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A spectator watches from the lobby and chats, and never sees a hidden card; meanwhile a player sits out, tops up
 * between hands, sits back in and leaves, every step through the page's buttons, with the wallet and stack shown as
 * the ledger holds them.
 */
class SpectatingAndSeatControlsTest {

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser();

    @Test
    void aSpectatorWatchesAndChatsWhileAPlayerSitsOutTopsUpSitsInAndLeaves() throws Exception {
        long tableId = room.openTable("Fir", 6);
        try (AutoPlayer olga = AutoPlayer.sitDown(room, "olga", tableId, 1, "40.00").play(checkOrCall()).rebuyWhenBusted()) {
            BrowserPlayer nina = BrowserPlayer.signUp(room.chromium(), room.http(), "nina", 1280, 800);
            BrowserPlayer omar = BrowserPlayer.signUp(room.chromium(), room.http(), "omar", 1280, 800);
            nina.goTo("#/table/" + tableId + "/sit");
            nina.buyIn("20");
            int seat = nina.mySeat();

            // Omar watches from the lobby: the hand is on, he sees card backs only, and no action bar.
            omar.page.locator(".lobby-row[data-table-id='" + tableId + "'] a[data-action='watch']").click();
            nina.waitForMyTurn();
            omar.page.locator("#seat-" + seat + " .card.back").first().waitFor();
            assertThat(omar.page.locator(".table-heading .watching").textContent()).isEqualTo("Watching");
            assertThat(omar.page.locator(".seat-cards .card[data-card]").count()).as("no hidden card reaches a spectator").isZero();
            assertThat(omar.page.locator("#action-bar").isHidden()).isTrue();

            omar.page.locator("#chat-input").fill("good luck, nina");
            omar.page.locator("#chat-input").press("Enter");
            nina.page.locator("#log li.chat").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("omar: good luck, nina")).waitFor();

            // Sitting out: the hand in progress is played to its end, then no hand starts with her.
            nina.page.evaluate("() => { window.__mute = document.getElementById('mute'); }");
            nina.page.locator("#sit-out").click();
            while (true) {
                String state = (String) nina.page.waitForFunction("""
                        seat => document.getElementById('action-bar').dataset.state === 'my-turn' ? 'turn'
                            : document.getElementById('seat-' + seat).dataset.status === 'sitting-out'
                              && document.getElementById('table').dataset.handId === '' ? 'out' : null""", String.valueOf(seat)).jsonValue();
                if (state.equals("out")) {
                    break;
                }
                String turn = nina.page.locator("#action-bar").getAttribute("data-turn");
                nina.checkOrCall();
                nina.waitUntilActed(turn);
            }
            assertThat(nina.page.locator("#sit-in").isVisible()).isTrue();
            // Sit in and Post big blind came in before the sound button: it stayed the same element, so a click on it
            // as they appeared was not lost (MotionAndSoundInTheBrowserTest lost one so at a one-second table).
            assertThat((Boolean) nina.page.evaluate("() => window.__mute.isConnected")).as("the sound button kept").isTrue();

            // Between hands she tops up: the dialog allows up to the table maximum.
            Money stack = nina.stack(seat);
            assertThat(stack).isEqualTo(room.seat(tableId, "nina"));
            nina.page.locator("#top-up").click();
            assertThat(nina.page.locator("#chips-max").textContent()).isEqualTo(Money.parse("100.00").minus(stack).toString());
            nina.page.locator("#chips-amount").fill("10");
            nina.page.locator("#chips-confirm").click();
            nina.page.waitForFunction("([seat, text]) => document.querySelector('#seat-' + seat + ' .seat-stack').textContent === text",
                    java.util.List.of(String.valueOf(seat), stack.plus(Money.parse("10.00")).toString()));
            assertThat(room.seat(tableId, "nina")).isEqualTo(stack.plus(Money.parse("10.00")));
            nina.waitForWallet(Money.parse("970.00"));
            assertThat(room.wallet("nina")).isEqualTo(Money.parse("970.00"));

            // Back in, a hand starts; then she leaves and her whole stack goes back to the wallet.
            nina.page.locator("#sit-in").click();
            nina.waitForMyTurn();
            nina.page.locator("#leave-table").click();
            nina.page.locator("#seat-" + seat + ".empty").waitFor();
            nina.page.waitForCondition(() -> !olga.events(TableEvent.SeatLeft.class, l -> l.player().equals("nina")).isEmpty());
            Money cashedOut = olga.events(TableEvent.SeatLeft.class, l -> l.player().equals("nina")).get(0).cashedOut();
            nina.waitForWallet(Money.parse("970.00").plus(cashedOut));
            assertThat(room.wallet("nina")).isEqualTo(Money.parse("970.00").plus(cashedOut));
            omar.page.locator("#seat-" + seat + ".empty").waitFor();
            assertThat(nina.consoleErrors()).isEmpty();
            assertThat(omar.consoleErrors()).isEmpty();
            nina.close();
            omar.close();
        }
    }

    /**
     * The felt is drawn again on every event; a seat that did not change must stay the same element, or a click on
     * "Sit here" that lands between two drawings is lost (Chromium's clicks in SeatRulesInTheBrowserTest found the
     * button "detached from the DOM" again and again at a busy table).
     */
    @Test
    void anEmptySeatStaysTheSameButtonWhileTheTablePlaysSoAClickOnItIsNotLost() throws Exception {
        long tableId = room.openTable("Elm", 6);
        try (AutoPlayer ann = AutoPlayer.sitDown(room, "ann", tableId, 1, "40.00").play(checkOrCall()).rebuyWhenBusted();
             AutoPlayer bob = AutoPlayer.sitDown(room, "bob", tableId, 2, "40.00").play(checkOrCall()).rebuyWhenBusted()) {
            BrowserPlayer cid = BrowserPlayer.signUp(room.chromium(), room.http(), "cid", 1280, 800);
            cid.goTo("#/table/" + tableId);
            cid.page.locator("#seat-4.empty").waitFor();
            long seq = cid.seq();
            cid.page.evaluate("() => { window.__emptySeat = document.getElementById('seat-4'); }");
            cid.page.waitForFunction("seq => Number(document.getElementById('table').dataset.seq) >= Number(seq) + 10",
                    String.valueOf(seq));
            assertThat((Boolean) cid.page.evaluate("() => window.__emptySeat.isConnected"))
                    .as("the empty seat's button after ten more events").isTrue();
            cid.page.locator("#seat-4").click();
            cid.page.locator("#chips-dialog").waitFor();
            assertThat(cid.consoleErrors()).isEmpty();
            cid.close();
        }
    }
}
