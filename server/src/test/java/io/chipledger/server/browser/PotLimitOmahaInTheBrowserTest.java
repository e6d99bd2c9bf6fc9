package io.chipledger.server.browser;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.chipledger.ledger.audit.AuditReport;
import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.game.holdem.Variant;
import io.chipledger.server.table.TableDirectory;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.Chromium;
import io.chipledger.server.testing.TestServer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Pot-Limit Omaha hand in headless Chromium against a bot: the lobby and the table say the game, the player sees
 * four cards of their own and four backs for the bot, the slider's top and the "Pot" button are exactly the pot limit
 * (worked out here from the ledger's pot), one cent more is refused in the page, and the hand goes to showdown with
 * the ledger in agreement.
 */
class PotLimitOmahaInTheBrowserTest {

    private static final Pattern RANGE = Pattern.compile("Raise to ([0-9.,]+) – ([0-9.,]+)");

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser();

    @Test
    void aPlayerBetsThePotLimitWithThePotButtonAndPlaysTheHandToShowdown() throws Exception {
        long tableId = room.openTable(TableDirectory.plainTable("Omaha", Money.parse("0.50"), Money.parse("1.00"), 2)
                .withVariant(Variant.POT_LIMIT_OMAHA_HOLDEM));
        try (AutoPlayer ivan = AutoPlayer.sitDown(room, "ivan", tableId, 1, "50.00").play(checkOrCall())) {
            BrowserPlayer hana = BrowserPlayer.signUp(room.chromium(), room.http(), "hana", 1280, 800);
            Page page = hana.page;
            Locator row = page.locator(".lobby-row[data-table-id='" + tableId + "']");
            assertThat(row.locator(".game").textContent()).isEqualTo("Pot-Limit Omaha");
            hana.goTo("#/table/" + tableId + "/sit");
            hana.buyIn("100");
            assertThat(page.locator("#table-game").textContent()).isEqualTo("Pot-Limit Omaha");

            hana.waitForMyTurn();
            int seat = hana.mySeat();
            assertThat(hana.holeCards(seat)).as("hana's own cards").hasSize(4).doesNotHaveDuplicates();
            assertThat(page.locator("#seat-1 .card.back").count()).as("the bot's cards, face down").isEqualTo(4);
            Chromium.screenshot(page, "omaha-my-turn");

            // Preflop heads-up: the small blind facing the big, or the big blind after a call. Either way the pot
            // limit is the highest bet plus the pot after calling it, every chip of which the ledger's pot holds.
            long handId = ivan.events(TableEvent.HandStarted.class).get(ivan.events(TableEvent.HandStarted.class).size() - 1).handId();
            Money mine = ivan.hand(handId).stream().filter(e -> e instanceof TableEvent.BlindPosted b && b.seat() == seat)
                    .map(e -> ((TableEvent.BlindPosted) e).amount()).findFirst().orElseThrow();
            Money highest = Money.parse("1.00");
            Money potLimit = highest.plus(room.pot(tableId)).plus(highest.minus(mine));
            Matcher range = RANGE.matcher(page.locator("#legal-range").textContent());
            assertThat(range.matches()).as(page.locator("#legal-range").textContent()).isTrue();
            assertThat(BrowserPlayer.displayed(range.group(2))).as("the top of the legal range").isEqualTo(potLimit);
            assertThat(page.locator("#preset-allin").isHidden()).as("no all-in beyond the pot").isTrue();
            assertThat(page.locator("#action-bar .keys").textContent()).endsWith("P pot · A the most allowed");

            // The slider's top is the limit.
            Locator slider = page.locator("#raise-slider");
            Locator amount = page.locator("#raise-amount");
            slider.focus();
            page.keyboard().press("End");
            assertThat(Money.parse(amount.inputValue())).isEqualTo(potLimit);
            assertThat(page.locator("#act-raise").textContent()).isEqualTo("Raise to " + potLimit + " (pot)");
            page.keyboard().press("Home");
            assertThat(Money.parse(amount.inputValue())).isEqualTo(BrowserPlayer.displayed(range.group(1)));

            // One cent over the limit is refused in the page, with the reason.
            amount.fill(potLimit.plus(Money.parse("0.01")).toString());
            assertThat(page.locator("#amount-error").textContent())
                    .isEqualTo("a raise can be to at most " + potLimit + " (the pot limit)");
            assertThat(page.locator("#act-raise").isDisabled()).isTrue();

            // "Pot" fills in exactly the limit, and that is what is sent and what the table plays.
            int actsSent = hana.sent("act").size();
            page.locator("#preset-pot").click();
            assertThat(Money.parse(amount.inputValue())).isEqualTo(potLimit);
            page.locator("#act-raise").click();
            page.waitForCondition(() -> !ivan.events(TableEvent.PlayerActed.class,
                    a -> a.seat() == seat && a.action() == ActionKind.RAISE).isEmpty());
            assertThat(hana.sent("act")).hasSize(actsSent + 1).last().satisfies(frame -> {
                assertThat(frame.get("action")).isEqualTo("RAISE");
                assertThat(frame.get("amount")).isEqualTo(potLimit.toString());
            });
            TableEvent.PlayerActed raised = ivan.events(TableEvent.PlayerActed.class,
                    a -> a.seat() == seat && a.action() == ActionKind.RAISE).get(0);
            assertThat(raised.streetTotal()).isEqualTo(potLimit);

            // Check or call to the showdown: both show four cards, named by two of them and three of the board.
            while (ivan.events(TableEvent.HandEnded.class, e -> e.handId() == handId).isEmpty()) {
                if (hana.isMyTurn()) {
                    String turn = page.locator("#action-bar").getAttribute("data-turn");
                    hana.checkOrCall();
                    hana.waitUntilActed(turn);
                }
                Thread.sleep(50);
            }
            List<TableEvent.CardsShown> shown = ivan.hand(handId).stream()
                    .filter(TableEvent.CardsShown.class::isInstance).map(TableEvent.CardsShown.class::cast).toList();
            assertThat(shown).isNotEmpty().allSatisfy(s -> assertThat(s.cards()).hasSize(4));
            for (TableEvent.CardsShown show : shown) {
                if (show.handName() != null) {
                    assertThat(page.locator("#log li.cardsShown[data-hand='" + handId + "']")
                            .filter(new Locator.FilterOptions().setHasText(show.handName())).count())
                            .as("the log names seat %d's hand", show.seat()).isPositive();
                }
            }
            Chromium.screenshot(page, "omaha-showdown");

            assertThat(room.chipsOnTable(tableId)).as("every chip brought to the table").isEqualTo(Money.parse("150.00"));
            assertThat(hana.consoleErrors()).isEmpty();
            AuditReport audit = room.audit();
            assertThat(audit.clean()).as(audit.summary()).isTrue();
            hana.close();
        }
    }
}
