package io.chipledger.server.browser;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.protocol.TableEvent;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.Chromium;
import io.chipledger.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sitting down at a running game in Chromium, the buy-in dialog offers to wait for the big blind (the default) or to
 * post it now; posting, the player is dealt in at the next hand in which their seat is after the blinds, a second big
 * blind beside the one in position, and the dealer log says so.
 */
class PostTheBigBlindInTheBrowserTest {

    @RegisterExtension
    static final TestServer room = TestServer.forEachTestClass().withBrowser()
            // Three seconds between hands: the buy-in reaches the table while the button is where the test needs it
            // (the bots play a hand in milliseconds), however busy the machine.
            .settings(ServerSettings.forTests().withPauseBetweenHands(Duration.ofSeconds(3)));

    @Test
    void aNewcomerChoosesToPostTheBigBlindAndIsDealtInBeforeItReachesTheirSeat() throws Exception {
        long tableId = room.openTable("Post", 6);
        List<AutoPlayer> bots = new ArrayList<>();
        for (int seat = 0; seat < 4; seat++) {
            bots.add(AutoPlayer.sitDown(room, "poster" + seat, tableId, seat, "50.00").play(checkOrCall()));
        }
        try {
            BrowserPlayer pia = BrowserPlayer.signUp(room.chromium(), room.http(), "pia_posts", 1280, 800);
            pia.goTo("#/table/" + tableId);
            pia.page.locator("#take-seat").click();
            pia.page.locator("#chips-dialog").waitFor();
            assertThat(pia.page.locator("#chips-choice-wait").isChecked()).as("waiting is the default").isTrue();
            assertThat(pia.page.locator("#chips-choices").textContent())
                    .contains("Wait for the big blind").contains("Post the big blind now (1.00)");
            pia.page.locator("#chips-choice-post").check();
            Chromium.screenshot(pia.page, "buy-in-post-big-blind-1280x800");
            // With the button on seat 3, seat 4 is after the blinds in the next hand and in the one after: never the
            // big blind itself, so only the post brings the player in before the big blind comes round.
            pia.page.locator("#dealer-button[data-seat='3']").waitFor();
            pia.buyIn("40");
            int seat = pia.mySeat();
            assertThat(seat).isEqualTo(4);

            TableEvent.HandStarted dealt = bots.get(0).awaitEvent(TableEvent.HandStarted.class,
                    started -> started.seatsDealtIn().contains(seat));
            bots.get(0).awaitEvent(TableEvent.BlindPosted.class, blind -> blind.seat() == seat);
            List<Integer> bigBlinds = bots.get(0).hand(dealt.handId()).stream()
                    .filter(e -> e instanceof TableEvent.BlindPosted b && b.kind().equals("BIG_BLIND"))
                    .map(e -> ((TableEvent.BlindPosted) e).seat()).toList();
            assertThat(bigBlinds).as("the big blind's seat, then hers").hasSize(2).endsWith(seat);
            pia.page.locator("#log li:has-text('pia_posts posts the big blind 1.00')").waitFor();
            pia.page.locator(".seat.mine .seat-cards .card").first().waitFor();
            Chromium.screenshot(pia.page, "posted-big-blind-1280x800");
            assertThat(pia.consoleErrors()).isEmpty();
            pia.close();
        } finally {
            bots.forEach(AutoPlayer::close);
        }
        assertThat(room.audit().clean()).isTrue();
    }
}
