package io.chipledger.server.play;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.server.ServerSettings;
import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.net.NetConfig;
import io.chipledger.server.testing.TestServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A seated bot may wait longer than the server's idle time for its turn (at 2,000 tables, seating alone took minutes),
 * and the server closes a socket that sends nothing for that long. Bots ping as the web client does; before they did,
 * a 2,000-table benchmark lost 7,490 of its 12,000 connections to the idle rule and measured the rest.
 */
class KeptAliveBotTest {

    @Test
    void aKeptAliveClientOutlivesTheIdleTimeThatClosesASilentOne() throws Exception {
        NetConfig net = NetConfig.defaults();
        NetConfig oneSecondIdle = new NetConfig(net.allowedOrigins(), net.maxFrameBytes(), 1, net.messagesPerSecond(),
                net.messageBurst(), null, null, net.limits());
        try (TestServer live = TestServer.forThisTest().settings(ServerSettings.forTests().withNet(oneSecondIdle)).start();
             PokerClient silent = PokerClient.connect(live.ws(), live.token("silent"), "silent");
             PokerClient pinging = PokerClient.connect(live.ws(), live.token("pinging"), "pinging")) {
            pinging.keepAlive(Duration.ofMillis(200));
            silent.whenClosed().get(30, TimeUnit.SECONDS);
            Thread.sleep(3_000); // three more idle times
            assertThat(silent.isClosed()).isTrue();
            assertThat(pinging.isClosed()).as("closed as idle though it pinged").isFalse();
        }
    }
}
