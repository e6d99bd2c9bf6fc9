package io.chipledger.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.server.bot.PokerClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bots' client ({@link PokerClient}, on its Netty event loop) against the server's real socket edge (in this
 * package for its raw texts): texts of every length form arrive whole and in order (Netty's client refuses frames
 * over 64 KiB unless told otherwise), the server's close is told with its status and reason, a send after it fails as
 * the JDK's client failed, and a refused upgrade throws with the server's answer.
 */
class PokerClientTest {

    private static final List<Integer> SIZES = List.of(0, 125, 126, 65_535, 65_536, 200_000);
    private static final String GOODBYE = "that was all";
    private static final ExecutorService loader = Executors.newSingleThreadExecutor();
    private static PokerHttpServer server;

    @BeforeAll
    static void start() throws Exception {
        NetConfig config = new NetConfig(Set.of(), 1024, 120, 1, 5, null, null);
        server = PokerHttpServer.start("127.0.0.1", 0, new HttpRoutes(new StaticFiles("web", loader)),
                new AnswersAnyMessageWithTextsThenCloses(), config);
    }

    @AfterAll
    static void stop() {
        server.close();
        loader.shutdown();
    }

    @Test
    void everyLengthArrivesWholeThenTheServersCloseIsToldAndASendAfterItFails() throws Exception {
        BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        PokerClient client = PokerClient.open("ws://127.0.0.1:" + server.port() + "/ws", "t");
        client.tapFrames(frames::add);

        client.send(new ClientMessage.Hello("h1", ProtocolJson.PROTOCOL_VERSION, "any-token"));

        for (int i = 0; i < SIZES.size(); i++) {
            String text = frames.poll(10, TimeUnit.SECONDS);
            assertThat(text).as("text %d of %d characters within 10 s", i, SIZES.get(i)).isNotNull();
            assertThat(text.length()).as("text %d's length", i).isEqualTo(SIZES.get(i));
            assertThat(text).isEqualTo(payload(i));
        }
        assertThat(client.whenClosed().get(10, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(client.closeReason()).isEqualTo(GOODBYE);
        assertThat(client.isClosed()).isTrue();
        assertThatThrownBy(() -> client.sendRaw("{}")).isInstanceOf(CompletionException.class);
        client.close();
    }

    @Test
    void aRefusedUpgradeThrowsWithItsCause() {
        assertThatThrownBy(() -> PokerClient.open("ws://127.0.0.1:" + server.port() + "/no-socket-here", "t"))
                .isInstanceOf(CompletionException.class)
                .cause().hasMessageContaining("404");
    }

    private static String payload(int index) {
        return String.valueOf((char) ('a' + index)).repeat(SIZES.get(index));
    }

    /** To any message: the six texts, then a close with a reason. */
    private static final class AnswersAnyMessageWithTextsThenCloses implements ClientGateway {
        @Override
        public void opened(ClientConnection connection) {
        }

        @Override
        public void received(ClientConnection connection, ClientMessage message) {
            for (int i = 0; i < SIZES.size(); i++) {
                connection.send(EncodedMessage.ofUtf8(payload(i).getBytes(StandardCharsets.UTF_8)));
            }
            connection.close(GOODBYE);
        }

        @Override
        public void closed(ClientConnection connection) {
        }
    }
}
