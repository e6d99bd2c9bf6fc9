package io.chipledger.server.browser;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ReducedMotion;
import io.chipledger.money.Money;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.game.holdem.Variant;
import io.chipledger.server.table.TableDirectory;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.Chromium;
import io.chipledger.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A full table of players with names as long as a name may be: every seat's plate and cards, each bet, the dealer
 * button, the board, the pot and the results stay clear of one another in every state the felt is drawn in while hands
 * are played (bets on every seat, the player's turn with its clock, a bot's turn, the showdown), and the page never
 * grows wider than the window. Nine seats on phones, upright and sideways, are the tight case; a desktop, and six seats
 * on a short phone upright and sideways (with two hole cards each, and with Omaha's four), are checked too. Long names
 * are cut short on the plate rather than widening it.
 */
class FeltLayoutTest {

    /**
     * Installed in the page: checks the felt each time it is drawn (and each time the clock ticks) and keeps every
     * overlap it finds in {@code window.__overlaps}, and how many drawings it checked in {@code window.__checked}.
     */
    private static final String LAYOUT_WATCH = """
            () => {
              window.__overlaps = [];
              window.__checked = 0;
              const felt = document.querySelector('.felt');
              const boxes = (selector, what) => [...felt.querySelectorAll(selector)].map(element => {
                const r = element.getBoundingClientRect();
                const seat = what === 'centre' ? element.id || element.className
                    : element.closest('[data-seat]')?.dataset.seat ?? element.id;
                return { what, seat,
                         left: r.left, top: r.top, right: r.right, bottom: r.bottom };
              });
              const check = () => {
                window.__checked++;
                const items = [...boxes('.seat-plate', 'plate'), ...boxes('.seat.empty', 'plate'),
                               ...boxes('.seat-cards .card', 'card'), ...boxes('.bet', 'bet'),
                               ...boxes('#dealer-button', 'button'),
                               ...boxes('.board .card, .pot, .pot-part, .results li', 'centre')];
                for (let i = 0; i < items.length; i++) {
                  for (let j = i + 1; j < items.length; j++) {
                    const [a, b] = [items[i], items[j]];
                    const kinds = [a.what, b.what].sort().join();
                    if (kinds === 'card,card' || kinds === 'centre,centre') continue; // fanned on purpose
                    if (kinds === 'card,plate' && a.seat === b.seat) continue; // a seat's cards tuck under its plate
                    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                    if (w > 0.5 && h > 0.5) {
                      window.__overlaps.push(`${a.what} of ${a.seat} over ${b.what} of ${b.seat}`);
                    }
                  }
                }
                const wider = document.scrollingElement.scrollWidth - window.innerWidth;
                if (wider > 0) {
                  const out = [...document.querySelectorAll('body *')]
                      .find(e => e.getBoundingClientRect().right > window.innerWidth + window.scrollX);
                  window.__overlaps.push(`page ${wider}px wider than the window (${out?.id || out?.className})`);
                }
              };
              new MutationObserver(check).observe(felt, { childList: true, subtree: true, attributes: true });
              check();
            }""";

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser().settings(
            // Bots act at once: with no pause between hands, two of them play a hand in milliseconds while the others
            // sit down, and go over the server's message rate.
            ServerSettings.forTests().withPauseBetweenHands(Duration.ofMillis(300)));

    @Test
    void nineLongNamedPlayersStayClearOfEachOtherOnPhones() throws Exception {
        // Held sideways the felt is about 240 px high: its nine plates are spaced evenly along its edge, and smaller.
        for (int[] size : new int[][] {{375, 667}, {360, 740}, {390, 844}, {844, 390}}) {
            playAndWatch(9, size[0], size[1]);
        }
    }

    @Test
    void andOnADesktopAndAtSixSeatsOnAShortPhoneUprightAndSideways() throws Exception {
        playAndWatch(9, 1280, 800);
        playAndWatch(6, 375, 667);
        playAndWatch(6, 844, 390);
    }

    @Test
    void andFourOmahaCardsASeatOnAPhoneUprightAndSideways() throws Exception {
        playAndWatch(6, 375, 667, Variant.POT_LIMIT_OMAHA_HOLDEM);
        playAndWatch(6, 844, 390, Variant.POT_LIMIT_OMAHA_HOLDEM);
    }

    /**
     * The showdown that took the most room, drawn in the page at each size with the table page's layout: a main pot
     * split between two long names, a side pot, the whole board, so its results take several lines. They go where
     * there is room between the seats (the felt's middle moved, the results narrowed), never over a plate.
     */
    @Test
    void aSplitPotAndASidePotBetweenLongNamesStayClearOfTheSeatsAtEachSize() {
        for (int[] size : new int[][] {{375, 667}, {844, 390}, {1280, 800}, {360, 740}, {390, 844}}) {
            for (int seats : new int[] {6, 9}) {
                BrowserPlayer viewer = BrowserPlayer.open(room.chromium(), room.http(), "viewer", size[0], size[1]);
                viewer.page.evaluate(SHOWDOWN, seats);
                viewer.page.evaluate(LAYOUT_WATCH);
                List<String> found = overlaps(viewer);
                String where = seats + " seats at " + size[0] + "x" + size[1];
                if (!found.isEmpty()) {
                    Chromium.screenshot(viewer.page, "felt-overlap-showdown-" + seats + "_" + size[0]);
                }
                assertThat(found).as("overlaps at a showdown with %s", where).isEmpty();
                assertThat(viewer.page.locator("#results li").count()).as(where).isEqualTo(2);
                Chromium.screenshot(viewer.page, "felt-showdown-" + seats + "_" + size[0]);
                viewer.close();
            }
        }
    }

    /** Draws a full table's split-pot showdown into the page's main element, laid out as the table page is. */
    private static final String SHOWDOWN = """
            async seats => {
              const { TableModel } = await import('/js/state/table-model.js');
              const { renderFelt } = await import('/js/views/table-felt.js');
              document.getElementById('view').innerHTML = '<section class="table-view"><div class="table-main">'
                  + '<div class="table-heading"><h1>Birch</h1></div>'
                  + '<div class="felt-frame"><div class="felt" id="table"></div></div></div></section>';
              const felt = document.getElementById('table');
              const names = [...Array(seats).keys()].map(i => 'Maximilian_Wolfgan_' + i);
              const model = new TableModel(1, names[0]);
              model.applySnapshot(10, { name: 'Birch', smallBlind: '0.50', bigBlind: '1.00', minBuyIn: '20.00',
                maxBuyIn: '100.00', seatCount: seats, handId: 3, button: 0, board: ['Kd', 'Kc', '7h', '4s', '2d'],
                pots: [{ amount: '120.01', eligibleSeats: names.map((n, i) => i) }, { amount: '80.00', eligibleSeats: [1, 2] }],
                seats: names.map((player, seat) => ({ seat, player, stack: '0.00', bet: '0.00', status: 'ACTIVE',
                  holeCards: seat === 0 ? ['Qh', 'Jc'] : null })) });
              model.applyEvent(11, { type: 'cardsShown', seat: 1, cards: ['As', '9c'], handName: 'a pair of Kings' });
              model.applyEvent(12, { type: 'cardsShown', seat: 2, cards: ['Ah', '9d'], handName: 'a pair of Kings' });
              model.applyEvent(13, { type: 'potAwarded', pot: 0, seat: 1, amount: '60.01', oddCent: true,
                handName: 'a pair of Kings', stack: '60.01' });
              model.applyEvent(14, { type: 'potAwarded', pot: 0, seat: 2, amount: '60.00', oddCent: false,
                handName: 'a pair of Kings', stack: '60.00' });
              model.applyEvent(15, { type: 'potAwarded', pot: 1, seat: 1, amount: '80.00', oddCent: false,
                handName: 'a pair of Kings', stack: '140.01' });
              model.applyEvent(16, { type: 'handEnded', handId: 3 });
              renderFelt(felt, model, {});
            }""";

    private static void playAndWatch(int seats, int width, int height) throws Exception {
        playAndWatch(seats, width, height, Variant.NO_LIMIT_TEXAS_HOLDEM);
    }

    /**
     * A table of {@code seats} seats of {@code variant}, full: bots on all but the first, and a player in a browser window of that size
     * who raises at each turn (so every bot calls and every seat shows a bet beside the board) for six turns.
     */
    private static void playAndWatch(int seats, int width, int height, Variant variant) throws Exception {
        boolean omaha = variant == Variant.POT_LIMIT_OMAHA_HOLDEM;
        String where = seats + " seats at " + width + "x" + height + (omaha ? " (Omaha)" : "");
        String suffix = seats + "_" + width + (omaha ? "o" : "");
        long tableId = room.openTable(TableDirectory.plainTable("Birch " + suffix, Money.parse("0.50"), Money.parse("1.00"),
                seats).withVariant(variant));
        List<AutoPlayer> bots = new ArrayList<>();
        for (int seat = 1; seat < seats; seat++) {
            // Twenty characters, the longest name a player may register.
            String unique = suffix + "_" + seat;
            String name = "Maximilian_Wolfgang_".substring(0, 20 - unique.length()) + unique;
            bots.add(AutoPlayer.sitDown(room, name, tableId, seat, "50.00").play(checkOrCall()).rebuyWhenBusted());
        }
        BrowserPlayer player = BrowserPlayer.signUp(room.chromium(), room.http(), "Bartholomew_" + suffix, width, height);
        // Where things come to rest is checked here, not the motion on the way (MotionAndSoundInTheBrowserTest): a card
        // being dealt slides in through its neighbours on purpose, and eight bots' motion on a busy machine kept the
        // page of a nine-seat phone too busy to buy in.
        player.page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.REDUCE));
        player.goTo("#/table/" + tableId + "/sit");
        player.buyIn("40");
        player.page.evaluate(LAYOUT_WATCH);
        for (int turn = 0; turn < 6; turn++) {
            player.waitForMyTurn();
            String current = player.page.locator("#action-bar").getAttribute("data-turn");
            player.page.locator(player.page.locator("#act-raise").isEnabled() ? "#act-raise" : "#act-call").click();
            player.waitUntilActed(current);
            List<String> found = overlaps(player);
            if (!found.isEmpty()) {
                Chromium.screenshot(player.page, "felt-overlap-" + suffix);
            }
            assertThat(found).as("overlaps with %s", where).isEmpty();
        }
        Chromium.screenshot(player.page, "felt-" + suffix); // for a person to look at: target/screenshots
        assertThat(((Number) player.page.evaluate("() => window.__checked")).intValue())
                .as("drawings checked with %s", where).isGreaterThan(20);
        assertThat(player.page.locator(".seat[data-seat='1'] .seat-name").getAttribute("title"))
                .as("a name cut short keeps the whole of it as its title, with %s", where)
                .startsWith("Maximilian_").hasSize(20);
        player.close();
        bots.forEach(AutoPlayer::close);
    }

    /** What the watch found so far, each overlap once. */
    @SuppressWarnings("unchecked")
    private static List<String> overlaps(BrowserPlayer player) {
        return (List<String>) player.page.evaluate("() => [...new Set(window.__overlaps)]");
    }
}
