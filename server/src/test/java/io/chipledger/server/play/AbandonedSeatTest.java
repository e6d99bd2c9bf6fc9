package io.chipledger.server.play;

import static io.chipledger.server.testing.AutoPlayer.Policy.checkOrCall;
import static io.chipledger.server.testing.TestServer.WAIT;
import static io.chipledger.server.testing.TestServer.awaitEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.table.SeatTimeouts;
import io.chipledger.server.testing.AutoPlayer;
import io.chipledger.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A player who drops and never comes back is sat out after the grace, then their stack goes back to their wallet. */
class AbandonedSeatTest {

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass().settings(ServerSettings.forTests()
            .withSeatTimeouts(new SeatTimeouts(Duration.ofMillis(500), Duration.ofMillis(500))));

    @Test
    void aPlayerWhoDoesNotComeBackIsSatOutThenCashedOutToTheWallet() throws Exception {
        long table = live.openFastTable("Gone", 6);
        PokerClient carol = live.watcher("carol", table);
        AutoPlayer erin = AutoPlayer.sitDown(live, "erin", table, 0, "50.00").play(checkOrCall());
        AutoPlayer frank = AutoPlayer.sitDown(live, "frank", table, 1, "50.00").play(checkOrCall());
        awaitEvent(carol, TableEvent.HandEnded.class);

        erin.close();
        awaitEvent(carol, TableEvent.ConnectionChanged.class, c -> c.seat() == 0 && !c.connected());
        awaitEvent(carol, TableEvent.SatOut.class, e -> e.seat() == 0);
        TableEvent.SeatLeft left = awaitEvent(carol, TableEvent.SeatLeft.class, e -> e.seat() == 0);

        assertThat(left.player()).isEqualTo("erin");
        assertThat(live.seat(table, "erin")).isEqualTo(Money.ZERO);
        assertThat(live.wallet("erin")).isEqualTo(Money.parse("950.00").plus(left.cashedOut()));
        assertThat(live.wallet("erin").plus(live.wallet("frank")).plus(live.seat(table, "frank")).plus(live.pot(table)))
                .as("no chip lost or made").isEqualTo(Money.parse("2000.00"));
        assertThat(live.audit().clean()).isTrue();
        frank.close();
        carol.close();
    }
}
