package io.chipledger.server.browser;

import static io.chipledger.server.testing.AutoPlayer.Policy.allInUntilSidePot;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.ledger.audit.LedgerAuditor;
import io.chipledger.money.Money;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.Chromium;
import io.chipledger.server.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two people sign up in their own browsers (one on a desktop, one on a phone), buy in at the same table as a short-
 * stacked bot, and play hands to showdown through the pages until an all-in has made a side pot. What the pages show
 * (stacks, pot, wallet, showdown) must match the ledger and what the server told the bot, to the cent.
 */
class PlayingInTheBrowserTest {

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser();

    @Test
    void twoBrowserPlayersAndABotPlayToShowdownWithASidePotAndThePagesMatchTheLedger() throws Exception {
        long tableId = room.openTable("Oak", 6);
        // The bot sits first with the table minimum, and moves all-in until a side pot has been played.
        AutoPlayer carol = AutoPlayer.sitDown(room, "carol", tableId, 2, "20.00").play(allInUntilSidePot()).rebuyWhenBusted();

        BrowserPlayer alice = BrowserPlayer.signUp(room.chromium(), room.http(), "alice", 1280, 800);
        BrowserPlayer bob = BrowserPlayer.signUp(room.chromium(), room.http(), "bob", 390, 844);
        Locator oak = alice.page.locator(".lobby-row[data-table-id='" + tableId + "']");
        assertThat(oak.locator(".stakes").textContent()).isEqualTo("0.50/1.00");
        assertThat(oak.locator(".seats").textContent()).isEqualTo("1/6");
        assertThat(oak.locator(".buy-in").textContent()).isEqualTo("20.00–100.00");
        assertThat(alice.wallet()).isEqualTo(Money.parse("1000.00"));
        Chromium.screenshot(alice.page, "lobby");
        Chromium.screenshot(bob.page, "lobby-phone");

        // Alice lets "play now" find her a seat; the buy-in dialog shows the table's limits and her wallet.
        alice.page.locator("#play-now").click();
        assertThat(alice.page.locator("#chips-min").textContent()).isEqualTo("20.00");
        assertThat(alice.page.locator("#chips-max").textContent()).isEqualTo("100.00");
        assertThat(alice.page.locator("#chips-wallet").textContent()).isEqualTo("1,000.00");
        alice.buyIn("100");
        alice.waitForWallet(Money.parse("900.00"));
        assertThat(room.wallet("alice")).isEqualTo(Money.parse("900.00"));
        // Bob picks the table in the lobby.
        bob.page.locator(".lobby-row[data-table-id='" + tableId + "'] a[data-action='sit']").click();
        bob.buyIn("100.00");
        int aliceSeat = alice.mySeat();
        int bobSeat = bob.mySeat();
        assertThat(List.of(aliceSeat, bobSeat)).containsExactly(0, 1);

        // Play through the pages until a side pot has been won, and three hands have ended.
        HandPlayer hands = new HandPlayer(alice, bob, carol, 2);
        // Stop at a turn of alice's in a hand the bot was dealt into (so it is not buying back in meanwhile).
        hands.playUntil(() -> !carol.handsWithSidePot().isEmpty() && carol.handsEnded() >= 3
                && !"waiting".equals(alice.page.locator("#seat-2").getAttribute("data-status")));

        // Alice is to act: nothing moves until she does. Both pages show every seat as the ledger holds it.
        bob.page.waitForFunction("seq => document.getElementById('table').dataset.seq === seq", String.valueOf(alice.seq()));
        for (BrowserPlayer viewer : List.of(alice, bob)) {
            assertThat(viewer.stack(aliceSeat)).as(viewer.name + " shows alice's stack").isEqualTo(room.seat(tableId, "alice"));
            assertThat(viewer.stack(bobSeat)).as(viewer.name + " shows bob's stack").isEqualTo(room.seat(tableId, "bob"));
            assertThat(viewer.stack(2)).as(viewer.name + " shows carol's stack").isEqualTo(room.seat(tableId, "carol"));
            assertThat(viewer.pot()).as(viewer.name + " shows the pot").isEqualTo(room.pot(tableId));
        }
        assertThat(alice.holeCards(aliceSeat)).as("alice sees her own cards").hasSize(2);
        assertThat(alice.holeCards(bobSeat)).as("alice never sees bob's cards mid-hand").isEmpty();
        assertThat(alice.page.locator("#seat-" + bobSeat + " .card.back").count()).isEqualTo(2);
        assertThat(alice.page.locator("#dealer-button").count()).isEqualTo(1);
        assertThat(alice.page.locator("#turn-clock .clock-text").textContent()).matches("(time bank )?\\d+s");
        Chromium.screenshot(alice.page, "table-mid-hand");
        Chromium.screenshot(bob.page, "table-mid-hand-phone");

        // The showdown of the side-pot hand, as the log tells it: each pot to whom the server gave it, hands named.
        long sidePotHand = carol.handsWithSidePot().get(0);
        List<TableEvent> told = carol.hand(sidePotHand);
        for (TableEvent event : told) {
            if (event instanceof TableEvent.PotAwarded award) {
                String pot = award.pot() == 0 ? "the main pot" : "side pot " + award.pot();
                Locator lines = alice.page.locator("#log li.potAwarded[data-hand='" + sidePotHand + "'][data-pot='" + award.pot() + "']");
                // One line a pot: a split pot says so, with each share, never two winners of the whole pot.
                long shares = told.stream().filter(e -> e instanceof TableEvent.PotAwarded other && other.pot() == award.pot()).count();
                assertThat(lines.count()).as("alice's log tells %s in one line", pot).isEqualTo(1);
                Locator line = lines.filter(new Locator.FilterOptions().setHasText(shares > 1
                        ? "split: " : pot + " " + award.amount()));
                assertThat(line.count()).as("alice's log shows %s", award).isEqualTo(1);
                if (shares > 1) {
                    assertThat(line.textContent()).contains(award.amount().toString());
                }
                if (award.handName() != null) {
                    assertThat(line.allTextContents()).anySatisfy(text -> assertThat(text).contains("with " + award.handName()));
                }
            } else if (event instanceof TableEvent.CardsShown shown && shown.handName() != null) {
                assertThat(alice.page.locator("#log li.cardsShown[data-hand='" + sidePotHand + "']")
                        .filter(new Locator.FilterOptions().setHasText(shown.handName())).count())
                        .as("alice's log names the hand shown by seat %d", shown.seat()).isPositive();
            }
        }

        // Both leave: alice at once (her turn is folded for her), bob when his turn comes; then the stacks go home.
        alice.page.locator("#leave-table").click();
        bob.page.locator("#leave-table").click();
        alice.page.locator("#seat-" + aliceSeat + ".empty").waitFor();
        alice.page.locator("#seat-" + bobSeat + ".empty").waitFor();
        alice.page.waitForCondition(() -> carol.events(TableEvent.SeatLeft.class).size() == 2);
        List<TableEvent.SeatLeft> left = carol.events(TableEvent.SeatLeft.class);
        Money aliceCashOut = left.stream().filter(l -> l.player().equals("alice")).findFirst().orElseThrow().cashedOut();
        Money bobCashOut = left.stream().filter(l -> l.player().equals("bob")).findFirst().orElseThrow().cashedOut();
        alice.waitForWallet(Money.parse("900.00").minus(hands.rebought(alice)).plus(aliceCashOut));
        bob.waitForWallet(Money.parse("900.00").minus(hands.rebought(bob)).plus(bobCashOut));
        assertThat(alice.wallet()).isEqualTo(room.wallet("alice"));
        assertThat(bob.wallet()).isEqualTo(room.wallet("bob"));
        assertThat(aliceCashOut.plus(bobCashOut).plus(room.seat(tableId, "carol")).plus(room.pot(tableId)))
                .as("every chip brought to the table is accounted for")
                .isEqualTo(Money.parse("200.00").plus(hands.rebought(alice)).plus(hands.rebought(bob))
                        .plus(Money.parse("20.00").times(1 + (int) carol.events(TableEvent.ToppedUp.class).stream()
                                .filter(toppedUp -> toppedUp.seat() == 2).count()))); // a rebuy is told as a top-up too

        assertThat(alice.consoleErrors()).isEmpty();
        assertThat(bob.consoleErrors()).isEmpty();
        AuditReport audit = new LedgerAuditor(room.server().database().sqlSessionFactory()).audit();
        assertThat(audit.clean()).as(audit.summary()).isTrue();
        carol.close();
        alice.close();
        bob.close();
    }

    /**
     * Plays the two browser players' turns as they come: check or call, except that while the bot is all-in the first
     * of them to act on a street with no bet bets the minimum (so the other's call builds a side pot). Bob uses the
     * keyboard, alice the mouse. A player who lost every chip (the bot's all-in can take both) buys back in for 100.00
     * when the page offers the rebuy. Stops when the condition holds and it is alice's turn.
     */
    static final class HandPlayer {
        private final BrowserPlayer alice;
        private final BrowserPlayer bob;
        private final AutoPlayer bot;
        private final int botSeat;
        private final java.util.Map<BrowserPlayer, Money> rebought = new java.util.HashMap<>();

        HandPlayer(BrowserPlayer alice, BrowserPlayer bob, AutoPlayer bot, int botSeat) {
            this.alice = alice;
            this.bob = bob;
            this.bot = bot;
            this.botSeat = botSeat;
        }

        void playUntil(java.util.function.BooleanSupplier done) {
            int bobSeat = bob.mySeat();
            String whoIsUp = """
                    bobSeat => {
                      if (document.getElementById('chips-dialog')) return 'alice-rebuys';
                      if (document.getElementById('action-bar').dataset.state === 'my-turn') return 'alice';
                      return document.getElementById('table').dataset.toAct === String(bobSeat) ? 'bob' : null;
                    }""";
            for (int decisions = 0; decisions < 400; decisions++) {
                rebuyIfOffered(bob);
                String who;
                try {
                    who = (String) alice.page.waitForFunction(whoIsUp, bobSeat).jsonValue();
                } catch (TimeoutError stuck) {
                    throw new AssertionError("nobody's turn came: " + whatEachSees(), stuck);
                }
                if (who.equals("alice-rebuys")) {
                    rebuyIfOffered(alice);
                } else if (who.equals("alice")) {
                    if (done.getAsBoolean()) {
                        return;
                    }
                    play(alice, false);
                } else {
                    String bobsView = (String) bob.page.waitForFunction("""
                            bobSeat => document.getElementById('action-bar').dataset.state === 'my-turn' ? 'turn'
                                : document.getElementById('table').dataset.toAct !== String(bobSeat) ? 'moved on' : null""", bobSeat).jsonValue();
                    if (bobsView.equals("turn")) {
                        play(bob, true);
                    }
                }
            }
            throw new AssertionError("no side pot after 400 decisions; the bot heard " + bot.handsEnded() + " hands");
        }

        /** What {@code player} bought back in for so far. */
        Money rebought(BrowserPlayer player) {
            return rebought.getOrDefault(player, Money.ZERO);
        }

        private void rebuyIfOffered(BrowserPlayer player) {
            if (player.page.locator("#chips-dialog").count() > 0) {
                player.buyIn("100.00");
                rebought.merge(player, Money.parse("100.00"), Money::plus);
            }
        }

        /** What the pages and the bot last saw, for a failure that would otherwise say only "timeout". */
        private String whatEachSees() {
            String page = """
                    () => JSON.stringify({table: {...document.getElementById('table').dataset},
                                          actionBar: {...document.getElementById('action-bar').dataset},
                                          connection: document.getElementById('conn-state').dataset.state})""";
            List<TableEvent> heard = bot.events(TableEvent.class);
            return "alice " + alice.page.evaluate(page) + "; bob " + bob.page.evaluate(page) + "; the bot's last events "
                    + heard.subList(Math.max(0, heard.size() - 8), heard.size());
        }

        private void play(BrowserPlayer player, boolean keyboard) {
            Page page = player.page;
            String turn = page.locator("#action-bar").getAttribute("data-turn");
            boolean botAllIn = "all-in".equals(page.locator("#seat-" + botSeat).getAttribute("data-status"));
            if (botAllIn && player.canCheck() && page.locator("#act-raise").isEnabled()) {
                page.locator("#act-raise").click(); // the amount box starts at the minimum bet
            } else if (keyboard) {
                page.locator("body").press("c");
            } else {
                player.checkOrCall();
            }
            player.waitUntilActed(turn);
        }
    }
}
