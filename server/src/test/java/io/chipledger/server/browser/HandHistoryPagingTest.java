package io.chipledger.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.Chromium;
import io.chipledger.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "My hands" after more than a hundred hands: newest first, paged back through every one of them and forward again,
 * suits and results coloured, and the newest hand (a showdown) replayed step by step with the player's own cards and
 * the other's when shown.
 */
class HandHistoryPagingTest {

    private static final int HANDS = 120;

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser();

    @Test
    void moreThanAHundredHandsArePagedNewestFirstColouredAndTheNewestReplayed() throws Exception {
        long tableId = room.openTable("Ledger oak", 6);
        String hands = "SELECT count(*) FROM hand_player WHERE player_id = ";
        try (AutoPlayer hana = AutoPlayer.sitDown(room, "hana", tableId, 0, "100.00").play(AutoPlayer.Policy.checkOrFold());
             AutoPlayer ivo = AutoPlayer.sitDown(room, "ivo", tableId, 1, "100.00").play(AutoPlayer.Policy.checkOrFold())) {
            long id = room.playerId("hana");
            // The small blind folds: a hand a moment. Then two hands played to a showdown, so the newest shows cards.
            TestServer.eventually(HANDS + " hands", () -> room.count(hands + id) >= HANDS);
            hana.play(AutoPlayer.Policy.checkOrCall());
            ivo.play(AutoPlayer.Policy.checkOrCall());
            long before = room.count(hands + id);
            TestServer.eventually("two hands more", () -> room.count(hands + id) >= before + 2);
            hana.leave();
            ivo.leave();
        }
        // They have left: the hand they were in is finished, and no other starts.
        TestServer.eventually("no hand open", () -> room.count("SELECT count(*) FROM hand WHERE status = 'OPEN' AND table_id = "
                + tableId) == 0);
        long total = room.count(hands + room.playerId("hana"));
        assertThat(total).isGreaterThan(100);

        BrowserPlayer browser = BrowserPlayer.open(room.chromium(), room.http(), "hana", 1280, 800);
        Page page = browser.page;
        page.locator("#login-name").fill("hana");
        page.locator("#login-password").fill("hana-password");
        page.locator("#log-in").click();
        page.locator("#lobby").waitFor();
        browser.goTo("#/history");

        Locator rows = page.locator("#history-rows .history-row");
        rows.first().waitFor();
        assertThat(page.locator("#history-range").textContent()).isEqualTo("1–50 of " + total + ", newest first");
        assertThat(page.locator("#history-newer").isDisabled()).isTrue();
        List<Long> seen = new ArrayList<>();
        while (true) {
            for (String hand : rows.evaluateAll("rows => rows.map(r => r.dataset.hand)").toString()
                    .replaceAll("[\\[\\] ]", "").split(",")) {
                seen.add(Long.parseLong(hand));
            }
            if (page.locator("#history-older").isDisabled()) {
                break;
            }
            String first = rows.first().getAttribute("data-hand");
            page.locator("#history-older").click();
            page.waitForFunction("hand => document.querySelector('#history-rows .history-row')?.dataset.hand !== hand", first);
        }
        assertThat(seen).as("every hand once").hasSize((int) total).doesNotHaveDuplicates();
        assertThat(seen).as("newest first").isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(page.locator("#history-range").textContent()).isEqualTo("101–" + total + " of " + total + ", newest first");
        page.locator("#history-newer").click();
        page.waitForFunction("() => document.getElementById('history-range').textContent.startsWith('51–100')");
        page.locator("#history-newer").click();
        page.waitForFunction("() => document.getElementById('history-range').textContent.startsWith('1–50')");

        // Colours: a red suit, a win and a loss.
        String red = (String) page.evaluate("""
                () => { const e = document.querySelector('#history-rows .card-text.suit-h, #history-rows .card-text.suit-d');
                        return e ? getComputedStyle(e).color : null; }""");
        String black = (String) page.evaluate("""
                () => { const e = document.querySelector('#history-rows .card-text.suit-s, #history-rows .card-text.suit-c');
                        return e ? getComputedStyle(e).color : null; }""");
        assertThat(red).isNotNull().isNotEqualTo(black);
        String won = (String) page.evaluate("() => getComputedStyle(document.querySelector('#history-rows .result.won')).color");
        String lost = (String) page.evaluate("() => getComputedStyle(document.querySelector('#history-rows .result.lost')).color");
        assertThat(won).isNotEqualTo(lost);
        assertThat(page.locator("#history-rows .result.won").first().textContent()).startsWith("+");
        assertThat(page.locator("#history-rows .result.lost").first().textContent()).startsWith("-");
        Chromium.screenshot(page, "history-1280x800");

        // The newest hand, replayed: her cards from the start, the board as dealt, the other's cards once shown.
        Locator newest = rows.first();
        List<String> hers = List.of(newest.locator(".card-text").allTextContents().toArray(String[]::new));
        assertThat(hers).hasSize(2);
        // They left in the newest hand or the one before: one of the two newest went to the river.
        newest.locator("button[data-replay]").click();
        page.locator("#replayer").waitFor();
        assertThat(page.locator("#replay-step").textContent()).startsWith("Step 1 of ");
        assertThat(page.locator("#replay-text").textContent()).startsWith("Hand #" + newest.getAttribute("data-hand"));
        Locator mine = page.locator("#replayer .replay-seat.mine .card");
        assertThat(mine.count()).as("her own cards from the first step").isEqualTo(2);
        assertThat(page.locator("#replay-prev").isDisabled()).isTrue();
        List<String> told = new ArrayList<>();
        told.add(page.locator("#replay-text").textContent());
        while (page.locator("#replay-next").isEnabled()) {
            page.locator("#replay-next").click();
            told.add(page.locator("#replay-text").textContent());
        }
        // The newest hand went to a showdown, unless they left during it (then it ended with a fold).
        assertThat(told).anyMatch(t -> t.contains("posts the small blind 0.50")).anyMatch(t -> t.contains(" wins "));
        if (told.contains("River")) {
            assertThat(page.locator("#replay-board .card").count()).isEqualTo(5);
        }
        // A losing hand may be mucked: ivo's cards are there exactly when he showed them.
        boolean ivoShowed = told.stream().anyMatch(t -> t.startsWith("ivo shows"));
        assertThat(page.locator("#replayer .replay-seat:not(.mine) .card").count()).as("ivo's hand").isEqualTo(ivoShowed ? 2 : 0);
        assertThat(mine.count()).isEqualTo(2);
        Chromium.screenshot(page, "history-replayer-1280x800");
        page.locator("#replay-prev").click();
        assertThat(page.locator("#replay-text").textContent()).isEqualTo(told.get(told.size() - 2));
        assertThat(browser.consoleErrors()).isEmpty();
        browser.close();
    }
}
