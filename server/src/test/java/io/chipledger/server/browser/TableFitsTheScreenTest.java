package io.chipledger.server.browser;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import io.chipledger.money.Money;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.game.holdem.Variant;
import io.chipledger.server.table.TableDirectory;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.Chromium;
import io.chipledger.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The table at a desktop's size (1280x800), on a phone held upright (375x667) and on one held sideways (844x390), as a
 * player meets it at their turn on the flop and at a showdown, measured in the page: the player's cards, the board, the
 * pot, every control of the action bar and every table button are wholly on screen (inside the window, below the
 * sticky top bar), and no two of them, nor any seat, bet or the dealer button, overlap; each bet lies in front of its
 * owner, and the long names, cut short, still read differently. At a desktop's size the whole
 * table is on screen without scrolling; on a phone upright the turn finds the cards, the board and the bar on screen
 * though the player had scrolled down to the chat. Screenshots of each go to {@code server/target/screenshots/fit-*}.
 */
class TableFitsTheScreenTest {

    /**
     * What is wrong with the page as drawn now, as sentences (none: it fits). {@code whole}: every seat must be on
     * screen too, not only the player's cards, the board and the controls; {@code turn}: the action bar is live;
     * {@code showdown}: the results are shown.
     */
    private static final String MISFITS = """
            ({ whole, turn, showdown }) => {
              const problems = [];
              const covered = document.querySelector('.top-bar').getBoundingClientRect().bottom;
              const shown = e => e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
              const box = (e, what) => { const r = e.getBoundingClientRect();
                return { what, left: r.left, top: r.top, right: r.right, bottom: r.bottom }; };
              const all = (selector, what) => [...document.querySelectorAll(selector)].filter(shown)
                  .map(e => box(e, what(e)));
              const seatOf = e => e.closest('[data-seat]')?.dataset.seat ?? '?';
              const mine = document.getElementById('table').dataset.mySeat;
              const felt = [
                ...all('.felt .seat-plate, .felt .seat.empty', e => `plate of seat ${seatOf(e)}`),
                ...all('.felt .seat-cards .card', e => `card of seat ${seatOf(e)}`),
                ...all('.felt .bet', e => `bet of seat ${e.id.replace('bet-', '')}`),
                ...all('#dealer-button', () => 'dealer button'),
                ...all('#board .card, #pot, .pot-part, #results li', e => `centre ${e.id || e.className}`),
              ];
              const controls = [
                ...all('#action-bar button, #action-bar input', e => `control #${e.id}`),
                ...all('.table-tools a, .table-tools button', e => `table button #${e.id}`),
              ];
              const mustShow = [
                ...all(`#seat-${mine} .seat-cards .card`, () => 'my card'),
                ...all('#board .card, #pot, #results', e => `centre ${e.id || e.className}`),
                ...(whole ? all('.felt .seat-plate, .felt .seat.empty', e => `plate of seat ${seatOf(e)}`) : []),
                ...controls,
              ];
              for (const b of mustShow) {
                if (b.left < -0.5 || b.right > window.innerWidth + 0.5 || b.top < covered - 0.5
                    || b.bottom > window.innerHeight + 0.5) {
                  problems.push(`${b.what} off screen (${Math.round(b.left)},${Math.round(b.top)}`
                      + `-${Math.round(b.right)},${Math.round(b.bottom)} in ${window.innerWidth}x${window.innerHeight},`
                      + ` top bar to ${Math.round(covered)})`);
                }
              }
              const items = [...felt, ...controls];
              const sameSeat = (a, b) => a.what.replace(/^\\S+ of /, '') === b.what.replace(/^\\S+ of /, '');
              for (let i = 0; i < items.length; i++) {
                for (let j = i + 1; j < items.length; j++) {
                  const [a, b] = [items[i], items[j]];
                  const kinds = [a.what.split(' ')[0], b.what.split(' ')[0]].sort().join();
                  if (kinds === 'card,card' && sameSeat(a, b)) continue; // a hand's cards are fanned on purpose
                  if (kinds === 'card,plate' && sameSeat(a, b)) continue; // a seat's cards tuck under its plate
                  if (kinds === 'centre,centre') continue; // the board, pot and results are laid out as one column
                  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
                  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
                  if (w > 0.5 && h > 0.5) {
                    problems.push(`${a.what} overlaps ${b.what}`);
                  }
                }
              }
              // A hand fanned (Omaha's four) shows each card's rank and suit clear of the card over it.
              for (const row of [...document.querySelectorAll('.felt .seat-cards .cards')].filter(shown)) {
                const cards = [...row.querySelectorAll('.card')];
                for (let i = 0; i + 1 < cards.length; i++) {
                  const over = cards[i + 1].getBoundingClientRect().left;
                  for (const mark of cards[i].querySelectorAll('.rank, .suit')) {
                    const r = mark.getBoundingClientRect();
                    if (r.right > over + 0.5 || r.left < cards[i].getBoundingClientRect().left - 0.5) {
                      problems.push(`the ${mark.className} of ${cards[i].dataset.card} (seat ${seatOf(row)}) is under the next card`
                          + ` (${Math.round(r.left)}-${Math.round(r.right)}, the next card from ${Math.round(over)})`);
                    }
                  }
                }
              }
              // Names cut short fit their plates and stay tellable apart.
              const names = [...document.querySelectorAll('.felt .seat-name[title]')].filter(shown);
              names.forEach((e, i) => {
                if (e.scrollWidth > e.clientWidth + 0.5) {
                  problems.push(`the name ${e.title} is wider than its plate (${e.textContent}: ${e.scrollWidth} in ${e.clientWidth})`);
                }
                const same = names.find((other, j) => j < i && other.textContent === e.textContent && other.title !== e.title);
                if (same) {
                  problems.push(`${same.title} and ${e.title} both read ${e.textContent}`);
                }
              });
              // Each bet lies in front of its owner: nearer its own seat than any other, and nearer the centre than it.
              const middle = r => ({ x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 });
              const away = (p, r) => Math.hypot(Math.max(r.left - p.x, 0, p.x - r.right), Math.max(r.top - p.y, 0, p.y - r.bottom));
              const centre = middle(document.getElementById('table').getBoundingClientRect());
              const seats = [...document.querySelectorAll('.felt .seat')].filter(shown)
                  .map(e => ({ seat: e.dataset.seat, box: e.getBoundingClientRect() }));
              for (const bet of [...document.querySelectorAll('.felt .bet')].filter(shown)) {
                const owner = bet.id.replace('bet-', '');
                const at = middle(bet.getBoundingClientRect());
                const nearest = [...seats].sort((a, b) => away(at, a.box) - away(at, b.box))[0];
                const own = seats.find(s => s.seat === owner);
                if (nearest.seat !== owner) {
                  problems.push(`the bet of seat ${owner} is nearer seat ${nearest.seat}`);
                }
                if (Math.hypot(at.x - centre.x, at.y - centre.y) >= Math.hypot(middle(own.box).x - centre.x, middle(own.box).y - centre.y)) {
                  problems.push(`the bet of seat ${owner} is not in front of it`);
                }
              }
              if (document.scrollingElement.scrollWidth > window.innerWidth) {
                problems.push(`the page is ${document.scrollingElement.scrollWidth - window.innerWidth}px wider than the window`);
              }
              if (turn && document.getElementById('action-bar').dataset.state !== 'my-turn') {
                problems.push('the turn is over');
              }
              if (showdown && !document.getElementById('results')) {
                problems.push('the showdown is over');
              }
              if (document.getAnimations().some(a => a.playState === 'running' && !a.effect?.target?.closest?.('.clock'))) {
                problems.push('still moving');
              }
              return problems;
            }""";

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser()
            // Long enough between hands to measure and photograph the showdown before the next deal.
            .settings(ServerSettings.forTests().withPauseBetweenHands(Duration.ofSeconds(5)));

    @Test
    void atADesktopsSizeTheWholeTableAndEveryControlAreOnScreenWithoutScrolling() throws Exception {
        fits(1280, 800, true);
    }

    @Test
    void onAPhoneHeldUprightTheCardsTheBoardAndEveryControlAreOnScreenAtTheTurnWhereverOneHadScrolled() throws Exception {
        fits(375, 667, false);
    }

    @Test
    void onAPhoneHeldSidewaysTheBoardIsNeverUnderTheHeaderAndEveryControlIsOnScreen() throws Exception {
        fits(844, 390, false);
    }

    @Test
    void onAPhoneHeldUprightFourOmahaCardsEachShowTheirRankAndSuitAndFitWithEverythingElse() throws Exception {
        fits(375, 667, false, Variant.POT_LIMIT_OMAHA_HOLDEM);
    }

    private static void fits(int width, int height, boolean whole) throws Exception {
        fits(width, height, whole, Variant.NO_LIMIT_TEXAS_HOLDEM);
    }

    /**
     * Six seats, two long-named bots that check or call and the player, who calls until the flop, is measured at their
     * turn there, then checks or calls to the showdown and is measured again.
     */
    private static void fits(int width, int height, boolean whole, Variant variant) throws Exception {
        boolean omaha = variant == Variant.POT_LIMIT_OMAHA_HOLDEM;
        String size = width + "x" + height + (omaha ? "-omaha" : "");
        String tag = width + (omaha ? "o" : "");
        long tableId = room.openTable(TableDirectory.plainTable("Fit " + size, Money.parse("0.50"), Money.parse("1.00"), 6)
                .withVariant(variant));
        try (AutoPlayer left = AutoPlayer.sitDown(room, "Maximilian_W_" + tag, tableId, 2, "80.00").play(checkOrCall())
                     .rebuyWhenBusted();
             AutoPlayer right = AutoPlayer.sitDown(room, "Maximilian_V_" + tag, tableId, 4, "80.00").play(checkOrCall())
                     .rebuyWhenBusted()) {
            BrowserPlayer player = BrowserPlayer.signUp(room.chromium(), room.http(), "Bartholomew_" + tag, width, height);
            player.goTo("#/table/" + tableId + "/sit");
            player.buyIn("60");
            Page page = player.page;

            // To the flop. On a phone the player scrolls down to the chat between turns, as one reading it would; only
            // while it is not their turn (in the page, so the turn cannot begin half way): once it has begun, the page
            // leaves the scrolling to them.
            boolean measuredBets = false;
            while (true) {
                if (!whole) {
                    page.evaluate("""
                            () => { if (document.getElementById('action-bar').dataset.state !== 'my-turn') {
                                      window.scrollTo({ top: document.scrollingElement.scrollHeight, behavior: 'instant' });
                                    } }""");
                }
                player.waitForMyTurn();
                if (page.locator("#board .card[data-card]").count() >= 3) {
                    break;
                }
                if (page.locator(".felt .bet").count() >= 2 && !measuredBets) {
                    assertFits(page, "fit-" + size + "-preflop", whole, true, false); // the blinds' bets on the felt
                    measuredBets = true;
                }
                String turn = page.locator("#action-bar").getAttribute("data-turn");
                player.checkOrCall();
                player.waitUntilActed(turn);
            }
            assertFits(page, "fit-" + size + "-turn", whole, true, false);
            if (whole) {
                assertThat(((Number) page.evaluate("() => window.scrollY")).intValue()).as("scrolled at %s", size).isZero();
            }

            // On to the showdown: everyone checks or calls.
            while (page.locator("#results").count() == 0) {
                page.waitForFunction("""
                        () => document.getElementById('results')
                              || document.getElementById('action-bar').dataset.state === 'my-turn'""");
                if (player.isMyTurn()) {
                    String turn = page.locator("#action-bar").getAttribute("data-turn");
                    player.checkOrCall();
                    player.waitUntilActed(turn);
                }
            }
            assertFits(page, "fit-" + size + "-showdown", whole, false, true);
            assertThat(player.consoleErrors()).isEmpty();
            player.close();
        }
    }

    /** Waits a little for the page to settle (a smooth scroll, a card sliding in), then says what does not fit. */
    private static void assertFits(Page page, String name, boolean whole, boolean turn, boolean showdown) {
        Map<String, Object> args = Map.of("whole", whole, "turn", turn, "showdown", showdown);
        page.evaluate("() => { window.__misfits = " + MISFITS + "; }");
        try {
            page.waitForFunction("args => window.__misfits(args).length === 0", args,
                    new Page.WaitForFunctionOptions().setTimeout(4_000).setPollingInterval(100));
        } catch (PlaywrightException misfit) {
            // measured again below, for the message
        }
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) page.evaluate("args => window.__misfits(args)", args);
        // What the player sees, the window only (Chromium.screenshot takes the whole page).
        page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.SCREENSHOTS.resolve(name + ".png")));
        assertThat(problems).as("%s (screenshot target/screenshots/%s.png)", name, name).isEmpty();
    }
}
