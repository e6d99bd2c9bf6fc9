package io.chipledger.server.play;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.bot.BotFleet;
import io.chipledger.server.net.NetConfig;
import io.chipledger.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bots that act as fast as a table deals run into the server's message rate, and the leave they send when the fleet
 * stops can be refused for it like any message. A refused action was always sent again; a refused leave was not, and
 * the bot stayed seated until the fleet gave up on it (PotLimitOmahaLiveTest failed on it once the server dealt faster).
 * Here the rate is low enough that the bots are refused all through play.
 */
class RateLimitedBotsLeaveTest {

    @Test
    void botsRefusedForTheMessageRateStillLeaveWhenTheFleetStops() throws Exception {
        NetConfig net = NetConfig.defaults();
        NetConfig slow = new NetConfig(net.allowedOrigins(), net.maxFrameBytes(), net.idleSeconds(), 3, 3, null, null,
                net.limits());
        try (TestServer live = TestServer.forThisTest().settings(ServerSettings.forTests().withNet(slow)).start();
             BotFleet fleet = new BotFleet(live.ws())) {
            live.openTable("Rated", 6);
            List<BotFleet.LobbyTable> tables = fleet.lobby().stream().filter(t -> t.name().equals("Rated")).toList();
            fleet.seat(tables, 4, 4);
            Thread.sleep(4_000);
            fleet.stop(Duration.ofSeconds(20));

            assertThat(fleet.errorsByCode()).as("the rate refused the bots during play").contains("RATE_LIMITED");
            assertThat(fleet.botsStillSeated()).as(fleet.errorsByCode()).isZero();
            assertThat(live.chipsOnTable(tables.get(0).id())).isEqualTo(Money.ZERO);
        }
    }
}
