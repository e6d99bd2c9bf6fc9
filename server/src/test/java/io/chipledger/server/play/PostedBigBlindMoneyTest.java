package io.chipledger.server.play;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static io.chipledger.server.testing.TestServer.WAIT;
import static io.chipledger.server.testing.TestServer.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * On a real server and database: a player who sits down posting a big blind is dealt in at once, before the big blind
 * reaches them, and the post moves chips through the ledger as a blind does: every wallet and the table add up to what
 * was funded, and the ledger's audit is clean.
 */
class PostedBigBlindMoneyTest {

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass()
            // A second between hands: time for the newcomer's buy-in to arrive while the button is where the test
            // needs it, however busy the machine.
            .settings(ServerSettings.forTests().withPauseBetweenHands(Duration.ofSeconds(1)));

    @Test
    void aBigBlindPostedToComeInAtOnceIsLiveOnTheLedgerAndNoChipIsLostOrMade() throws Exception {
        long table = live.openTable("Post", 6);
        List<AutoPlayer> players = new ArrayList<>();
        for (int seat = 0; seat < 4; seat++) {
            players.add(AutoPlayer.sitDown(live, "post" + seat, table, seat, "50.00").play(checkOrCall()));
        }
        PokerClient pia = live.connect("pia");
        assertThat(pia.reply(pia.send(r -> new ClientMessage.Watch(r, table, null)), WAIT)).isNotNull();
        // Seated during a hand with the button on seat 3, seat 5 is the cutoff of the next hand (button 0) or under
        // the gun of the one after (button 1): after the blinds either way, never the big blind itself.
        awaitEvent(pia, TableEvent.HandStarted.class, started -> started.button() == 3);
        ServerMessage seated = pia.reply(pia.send(r ->
                new ClientMessage.SitDown(r, table, 5, Money.parse("40.00"), true)), WAIT);
        assertThat(seated).isInstanceOf(ServerMessage.Done.class);
        AutoPlayer poster = AutoPlayer.takeOver(pia, table, -1).play(checkOrCall());
        players.add(poster);

        TableEvent.HandStarted dealt = poster.awaitEvent(TableEvent.HandStarted.class,
                started -> started.seatsDealtIn().contains(5));
        poster.awaitEvent(TableEvent.HandEnded.class, ended -> ended.handId() == dealt.handId());
        List<TableEvent.BlindPosted> bigBlinds = poster.hand(dealt.handId()).stream()
                .filter(e -> e instanceof TableEvent.BlindPosted b && b.kind().equals("BIG_BLIND"))
                .map(TableEvent.BlindPosted.class::cast).toList();
        assertThat(bigBlinds).extracting(TableEvent.BlindPosted::seat).as("the big blind's seat, then pia's post")
                .hasSize(2).endsWith(5);
        assertThat(bigBlinds.get(1).amount()).isEqualTo(Money.parse("1.00"));
        assertThat(dealt.button()).isIn(0, 1);

        for (AutoPlayer player : players) {
            player.leave();
        }
        TestServer.eventually("every seat given up", () -> live.server().tables().find(table).orElseThrow()
                .lobbyEntry().join().seated() == 0);
        Money wallets = Money.ZERO;
        for (String name : List.of("post0", "post1", "post2", "post3", "pia")) {
            wallets = wallets.plus(live.wallet(name));
        }
        assertThat(wallets.plus(live.chipsOnTable(table))).as("no chip lost or made").isEqualTo(Money.parse("5000.00"));
        assertThat(live.chipsOnTable(table)).isEqualTo(Money.ZERO);
        assertThat(live.audit().clean()).isTrue();
        players.forEach(AutoPlayer::close);
    }
}
