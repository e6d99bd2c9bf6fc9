package io.chipledger.server.browser;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ReducedMotion;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Motion and sound in Chromium: the player hears their cards and their turn, and the clock pulses and sounds as it
 * runs out; a mute is remembered for the player across a reload; dealt cards slide in, and not at all for a player
 * who prefers reduced motion.
 */
class MotionAndSoundInTheBrowserTest {

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser();

    @Test
    void thePlayerHearsTheirTurnAndTheClockRunningOutUntilTheyMuteWhichIsRemembered() throws Exception {
        long tableId = room.openFastTable("Sound", 6); // one second to act: the clock is always running out
        try (AutoPlayer bot = AutoPlayer.sitDown(room, "sound-bot", tableId, 1, "100.00").play(checkOrCall()).rebuyWhenBusted()) {
            BrowserPlayer tess = BrowserPlayer.signUp(room.chromium(), room.http(), "tess", 1280, 800);
            tess.goTo("#/table/" + tableId + "/sit");
            tess.buyIn("50");
            Page page = tess.page;
            page.locator("#turn-clock.ending").first().waitFor();
            page.waitForFunction("() => (window.__soundsPlayed ?? []).includes('turn') && window.__soundsPlayed.includes('deal')"
                    + " && window.__soundsPlayed.includes('time')");
            assertThat(page.locator("#mute").textContent()).isEqualTo("Sound on");
            // The buttons stay in place while events redraw the table (a button replaced between the press and the
            // release of a click loses it): at a one-second table the log grows by several lines a hand, a button
            // changes only when a hand starts or ends (Top up).
            page.evaluate("""
                    () => { window.__toolRedraws = 0; window.__logAt = document.querySelectorAll('#log li').length;
                            new MutationObserver(() => window.__toolRedraws++)
                              .observe(document.querySelector('.table-tools'), { childList: true }); }""");
            page.waitForFunction("() => document.querySelectorAll('#log li').length >= window.__logAt + 12");
            Map<?, ?> redraws = (Map<?, ?>) page.evaluate(
                    "() => ({ tools: window.__toolRedraws, log: document.querySelectorAll('#log li').length - window.__logAt })");
            assertThat(((Number) redraws.get("tools")).intValue() * 2).as("tool bar redraws against log lines " + redraws)
                    .isLessThan(((Number) redraws.get("log")).intValue());

            page.locator("#mute").click();
            // The page draws on the next animation frame after the click (table-view.js's render): read it after that.
            page.evaluate("() => new Promise(drawn => requestAnimationFrame(() => requestAnimationFrame(drawn)))");
            assertThat(page.locator("#mute").getAttribute("aria-pressed")).isEqualTo("true");
            page.reload();
            page.locator("#mute").waitFor();
            assertThat(page.locator("#mute").textContent()).as("remembered across a reload").isEqualTo("Sound off");
            page.waitForFunction("() => document.querySelectorAll('#log li').length > 0");
            page.locator("#seat-1.to-act, .seat.mine.to-act").first().waitFor(); // turns go on, in silence
            page.waitForTimeout(1500);
            assertThat(page.evaluate("() => window.__soundsPlayed ?? []")).as("nothing played while muted").isEqualTo(List.of());
            assertThat(tess.consoleErrors()).isEmpty();
            tess.close();
        }
    }

    @Test
    void dealtCardsSlideInUnlessThePlayerPrefersReducedMotion() throws Exception {
        long tableId = room.openTable("Motion", 6);
        try (AutoPlayer bot = AutoPlayer.sitDown(room, "motion-bot", tableId, 1, "100.00").play(checkOrCall()).rebuyWhenBusted()) {
            BrowserPlayer uma = BrowserPlayer.signUp(room.chromium(), room.http(), "uma", 1280, 800);
            BrowserPlayer still = BrowserPlayer.signUp(room.chromium(), room.http(), "vic", 1280, 800);
            still.page.emulateMedia(new Page.EmulateMediaOptions().setReducedMotion(ReducedMotion.REDUCE));
            uma.goTo("#/table/" + tableId + "/sit");
            uma.buyIn("50");
            still.goTo("#/table/" + tableId);
            uma.waitForMyTurn();
            uma.checkOrCall();

            String moving = animationOfADealtCard(uma.page);
            String calm = animationOfADealtCard(still.page);

            assertThat(moving).isEqualTo("deal-in");
            assertThat(calm).isEqualTo("none");
            uma.close();
            still.close();
        }
    }

    /** Waits for a card dealt since the page opened (the flop, or the next hand's) and reads its animation. */
    private static String animationOfADealtCard(Page page) {
        page.locator(".card.dealt").first().waitFor();
        return (String) page.evaluate("() => getComputedStyle(document.querySelector('.card.dealt')).animationName");
    }
}
