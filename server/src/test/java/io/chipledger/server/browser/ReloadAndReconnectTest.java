package io.chipledger.server.browser;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.chipledger.money.Money;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A player heads-up against a bot, whose page is reloaded or whose connection drops mid-hand: the page must come back
 * to the same table and hand, and an action must be played exactly once whether the network lost it or its answer.
 */
class ReloadAndReconnectTest {

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser();
    private long tableId;
    private long freeTable;
    private AutoPlayer bot;
    private BrowserPlayer player;
    private int seat;

    @BeforeEach
    void seatAPlayerAgainstABot(TestInfo test) throws Exception {
        String suffix = String.valueOf(Math.abs(test.getDisplayName().hashCode() % 100_000));
        tableId = room.openTable("Elm" + suffix, 2);
        freeTable = room.openTable("Oak" + suffix, 6);
        bot = AutoPlayer.sitDown(room, "bot" + suffix, tableId, 1, "50.00").play(checkOrCall()).rebuyWhenBusted();
        player = BrowserPlayer.signUp(room.chromium(), room.http(), "p" + suffix, 1280, 800);
        player.goTo("#/table/" + tableId + "/sit");
        player.buyIn("50.00");
        seat = player.mySeat();
    }

    @AfterEach
    void leave() {
        player.close();
        bot.close();
    }

    private int actionsHeardFromPlayer() {
        return bot.events(TableEvent.PlayerActed.class, a -> a.seat() == seat && !a.timedOut()).size();
    }

    /** Waits until the page has left the given turn: someone else is to act, or a later turn of ours began. */
    private void waitForTheTableToMoveOn(String turn) {
        player.page.waitForFunction("""
                ([turn, seat]) => document.getElementById('action-bar').dataset.turn !== turn
                                  || document.getElementById('table').dataset.toAct !== seat""",
                List.of(turn, String.valueOf(seat)));
    }

    @Test
    void reloadingThePageMidHandRestoresTheSameTableHandCardsAndTurn() {
        player.waitForMyTurn();
        String hand = player.page.locator("#table").getAttribute("data-hand-id");
        List<String> cards = player.holeCards(seat);
        Money stack = player.stack(seat);
        Money botStack = player.stack(1);
        Money pot = player.pot();
        assertThat(cards).hasSize(2);

        player.page.reload();

        player.waitForMyTurn();
        assertThat(player.page.url()).endsWith("#/table/" + tableId + "/sit");
        assertThat(player.page.locator("#chips-dialog").count()).as("a seated player is not offered a seat again").isZero();
        assertThat(player.page.locator("#table").getAttribute("data-hand-id")).isEqualTo(hand);
        assertThat(player.holeCards(seat)).isEqualTo(cards);
        assertThat(player.stack(seat)).isEqualTo(stack).isEqualTo(room.seat(tableId, player.name));
        assertThat(player.stack(1)).isEqualTo(botStack);
        assertThat(player.pot()).isEqualTo(pot);
        assertThat(player.wallet()).isEqualTo(Money.parse("950.00"));

        int heard = actionsHeardFromPlayer();
        player.checkOrCall();
        player.page.waitForCondition(() -> actionsHeardFromPlayer() == heard + 1);
        assertThat(player.consoleErrors()).isEmpty();
    }

    @Test
    void aPageReloadedInTheLobbyOffersToReturnToTheSeatNotToSitAgain() {
        player.waitForMyTurn();
        player.goTo("#/lobby");
        player.page.reload();

        Locator row = player.page.locator(".lobby-row[data-table-id='" + tableId + "']");
        row.waitFor();
        assertThat(row.locator("[data-action=watch]").textContent()).isEqualTo("Return");
        assertThat(row.locator("[data-action=sit]").count()).isZero();
        Locator free = player.page.locator(".lobby-row[data-table-id='" + freeTable + "']");
        assertThat(free.locator("[data-action=watch]").textContent()).as("a table the player is not at").isEqualTo("Watch");
        assertThat(free.locator("[data-action=sit]").count()).isEqualTo(1);

        row.locator("[data-action=watch]").click();
        player.waitForMyTurn();
        assertThat(player.mySeat()).isEqualTo(seat);
        assertThat(player.stack(seat)).isEqualTo(room.seat(tableId, player.name));
        assertThat(player.consoleErrors()).isEmpty();
    }

    @Test
    void anActionWhoseAnswerIsLostIsNotSentAgainAfterTheReconnect() {
        player.waitForMyTurn();
        int heard = actionsHeardFromPlayer();
        String turn = player.page.locator("#action-bar").getAttribute("data-turn");
        player.page.evaluate("() => { window.__dropAfterNextAct = true; }");

        player.checkOrCall();

        player.page.waitForFunction("() => window.__connStates.includes('reconnecting')"
                + " && document.getElementById('conn-state').dataset.state === 'online'");
        waitForTheTableToMoveOn(turn);
        List<Map<String, Object>> acts = player.sent("act");
        Object requestId = acts.get(acts.size() - 1).get("requestId");
        assertThat(acts.stream().filter(a -> a.get("requestId").equals(requestId)).count())
                .as("the action reached the server once and was not resent").isEqualTo(1);
        player.page.waitForCondition(() -> actionsHeardFromPlayer() >= heard + 1);
        assertThat(actionsHeardFromPlayer()).as("the table played it once").isEqualTo(heard + 1);
        assertThatThePageStillPlaysAndMatchesTheLedger();
    }

    @Test
    void anActionLostBeforeItReachedTheServerIsResentOnceWithItsOriginalRequestId() {
        player.waitForMyTurn();
        int heard = actionsHeardFromPlayer();
        String turn = player.page.locator("#action-bar").getAttribute("data-turn");
        player.page.evaluate("() => { window.__dropBeforeNextAct = true; }");

        player.checkOrCall();

        waitForTheTableToMoveOn(turn);
        List<Map<String, Object>> acts = player.sent("act");
        Map<String, Object> lost = acts.stream().filter(a -> Boolean.FALSE.equals(a.get("delivered"))).findFirst().orElseThrow();
        List<Map<String, Object>> sameId = acts.stream().filter(a -> a.get("requestId").equals(lost.get("requestId"))).toList();
        assertThat(sameId).as("lost, then resent once with the same requestId and action").hasSize(2);
        assertThat(sameId.get(1)).containsEntry("delivered", true).containsEntry("action", lost.get("action"));
        assertThat(player.connectionStates()).contains("reconnecting");
        player.page.waitForCondition(() -> actionsHeardFromPlayer() >= heard + 1);
        assertThat(actionsHeardFromPlayer()).as("the table played it once").isEqualTo(heard + 1);
        assertThatThePageStillPlaysAndMatchesTheLedger();
    }

    /** At the player's next turn (nothing moves until they act) the page shows what the ledger holds. */
    private void assertThatThePageStillPlaysAndMatchesTheLedger() {
        player.waitForMyTurn();
        assertThat(player.stack(seat)).isEqualTo(room.seat(tableId, player.name));
        assertThat(player.stack(1)).isEqualTo(room.seat(tableId, bot.name()));
        assertThat(player.pot()).isEqualTo(room.pot(tableId));
        assertThat(player.consoleErrors()).isEmpty();
    }
}
