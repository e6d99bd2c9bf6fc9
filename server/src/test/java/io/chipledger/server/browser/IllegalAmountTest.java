package io.chipledger.server.browser;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Amounts a person types are checked in the page: finer than a cent, not a number, outside the buy-in limits or
 * below the minimum raise, they are refused with a reason and nothing is sent, so nothing moves in the ledger.
 */
class IllegalAmountTest {

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser();

    @Test
    void illegalBuyInsAndRaisesAreRefusedInThePageAndNothingIsSentOrMoved() throws Exception {
        long tableId = room.openTable("Ash", 2);
        try (AutoPlayer ivan = AutoPlayer.sitDown(room, "ivan", tableId, 1, "50.00").play(checkOrCall()).rebuyWhenBusted()) {
            BrowserPlayer hana = BrowserPlayer.signUp(room.chromium(), room.http(), "hana", 1280, 800);
            Page page = hana.page;
            hana.goTo("#/table/" + tableId + "/sit");

            // The buy-in dialog: finer than a cent, below the minimum, above the maximum.
            Locator amount = page.locator("#chips-amount");
            Locator error = page.locator("#chips-error");
            amount.fill("20.005");
            assertThat(error.textContent()).contains("more than two decimals");
            assertThat(page.locator("#chips-confirm").isDisabled()).isTrue();
            amount.press("Enter");
            amount.fill("5");
            assertThat(error.textContent()).isEqualTo("the minimum is 20.00");
            amount.press("Enter");
            amount.fill("5000");
            assertThat(error.textContent()).isEqualTo("the maximum is 100.00");
            amount.press("Enter");
            assertThat(hana.sent("sitDown")).as("no buy-in was sent").isEmpty();
            assertThat(room.wallet("hana")).isEqualTo(Money.parse("1000.00"));
            hana.buyIn("50.5");
            assertThat(hana.sent("sitDown")).hasSize(1).first().extracting(f -> f.get("amount")).isEqualTo("50.50");
            hana.waitForWallet(Money.parse("949.50"));
            assertThat(room.wallet("hana")).isEqualTo(Money.parse("949.50"));

            // Her turn, with a raise possible: wrong amounts are refused whatever way she tries to send them.
            hana.waitForMyTurn();
            int seat = hana.mySeat();
            Money stack = room.seat(tableId, "hana");
            int actsSent = hana.sent("act").size();
            Locator raiseAmount = page.locator("#raise-amount");
            Locator raise = page.locator("#act-raise");
            Locator raiseError = page.locator("#amount-error");
            assertThat(page.locator("#legal-range").textContent()).isEqualTo("Raise to 2.00 – 50.50");

            raiseAmount.fill("1.005");
            assertThat(raiseError.textContent()).contains("more than two decimals");
            assertThat(raise.isDisabled()).isTrue();
            raiseAmount.press("Enter");
            raiseAmount.fill("1.50");
            assertThat(raiseError.textContent()).isEqualTo("a raise must be to at least 2.00");
            assertThat(raise.isDisabled()).isTrue();
            raiseAmount.press("Enter");
            page.evaluate("() => document.activeElement.blur()");
            page.keyboard().press("r"); // the raise shortcut, with the amount still too small
            raiseAmount.fill("60");
            assertThat(raiseError.textContent()).isEqualTo("a raise can be to at most 50.50 (all-in)");
            raiseAmount.press("Enter");
            for (String strange : List.of("1e3", "-5", "2,50", "abc")) {
                raiseAmount.fill(strange);
                assertThat(raiseError.textContent()).as(strange).contains("is not an amount");
                raiseAmount.press("Enter");
            }

            assertThat(hana.sent("act")).as("no action was sent").hasSize(actsSent);
            assertThat(hana.isMyTurn()).as("still her turn, action bar live").isTrue();
            assertThat(room.seat(tableId, "hana")).as("nothing moved").isEqualTo(stack);
            assertThat(ivan.events(TableEvent.PlayerActed.class, a -> a.seat() == seat && a.action() == ActionKind.RAISE)).isEmpty();

            // The same path sends a legal amount, exactly as typed.
            raiseAmount.fill("2.5");
            assertThat(raiseError.textContent()).isEmpty();
            assertThat(raise.textContent()).isEqualTo("Raise to 2.50");
            raiseAmount.press("Enter");
            page.waitForCondition(() -> !ivan.events(TableEvent.PlayerActed.class, a -> a.seat() == seat).isEmpty());
            TableEvent.PlayerActed raised = ivan.events(TableEvent.PlayerActed.class, a -> a.seat() == seat).get(0);
            assertThat(raised.action()).isEqualTo(ActionKind.RAISE);
            assertThat(raised.streetTotal()).isEqualTo(Money.parse("2.50"));
            assertThat(hana.sent("act")).last().extracting(f -> f.get("amount")).isEqualTo("2.50");
            assertThat(hana.consoleErrors()).isEmpty();
            hana.close();
        }
    }
}
