package io.chipledger.server.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.protocol.ServerMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WebSocketEndpointTest {

    private static final ExecutorService loader = Executors.newSingleThreadExecutor();
    private static final EchoGateway gateway = new EchoGateway();
    private static PokerHttpServer server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        NetConfig config = new NetConfig(Set.of(), 1024, 120, 1, 5, null, null);
        server = PokerHttpServer.start("127.0.0.1", 0, new HttpRoutes(new StaticFiles("web", loader)), gateway, config);
    }

    @AfterAll
    static void stop() {
        server.close();
        loader.shutdown();
    }

    /** A real client socket that collects every text message and the close. */
    static final class Client implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> closes = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closes.add(status);
            return null;
        }

        ServerMessage next() throws InterruptedException {
            String text = messages.poll(10, TimeUnit.SECONDS);
            assertThat(text).as("a message within 10 s").isNotNull();
            return ProtocolJson.readServerMessage(text);
        }
    }

    private WebSocket connect(Client client, String origin) {
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder.buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), client).join();
    }

    @Test
    void aPingIsAnsweredOverARealSocket() throws Exception {
        Client client = new Client();
        WebSocket ws = connect(client, "http://127.0.0.1:" + server.port());
        ws.sendText(ProtocolJson.write(new ClientMessage.Ping("p1")), true).join();
        assertThat(client.next()).isEqualTo(new ServerMessage.Pong("p1"));
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void malformedAndFloatValuedFramesAreRefusedWithACodeAndNeverReachTheGame() throws Exception {
        Client client = new Client();
        WebSocket ws = connect(client, null);
        int before = gateway.received.size();
        ws.sendText("{not json", true).join();
        assertThat(((ServerMessage.Error) client.next()).code()).isEqualTo(ErrorCode.BAD_JSON);
        ws.sendText("{\"type\":\"topUp\",\"requestId\":\"t\",\"tableId\":1,\"amount\":10.5}", true).join();
        assertThat(((ServerMessage.Error) client.next()).code()).isEqualTo(ErrorCode.BAD_AMOUNT);
        ws.sendText("{\"type\":\"topUp\",\"requestId\":\"t\",\"tableId\":1,\"amount\":\"0.001\"}", true).join();
        assertThat(((ServerMessage.Error) client.next()).code()).isEqualTo(ErrorCode.BAD_AMOUNT);
        assertThat(gateway.received.size()).isEqualTo(before);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }

    @Test
    void anUpgradeFromAnotherSitesPageIsForbidden() {
        assertThatThrownBy(() -> connect(new Client(), "https://evil.example"))
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(403));
    }

    @Test
    void aFrameOverTheSizeLimitClosesTheConnection() throws Exception {
        Client client = new Client();
        WebSocket ws = connect(client, null);
        ws.sendText("{\"type\":\"chat\",\"requestId\":\"c\",\"tableId\":1,\"text\":\"" + "x".repeat(2_000) + "\"}", true);
        assertThat(client.closes.poll(10, TimeUnit.SECONDS)).isEqualTo(1009); // "message too big"
    }

    @Test
    void aFloodingClientIsRateLimited() throws Exception {
        Client client = new Client();
        WebSocket ws = connect(client, null);
        // Burst of 5, then one per second: 20 pings sent at once cannot all be served.
        for (int i = 0; i < 20; i++) {
            ws.sendText(ProtocolJson.write(new ClientMessage.Ping("p" + i)), true).join();
        }
        int pongs = 0;
        int limited = 0;
        for (int i = 0; i < 20; i++) {
            ServerMessage reply = client.next();
            if (reply instanceof ServerMessage.Pong) {
                pongs++;
            } else if (reply instanceof ServerMessage.Error error && error.code() == ErrorCode.RATE_LIMITED) {
                assertThat(error.requestId()).as("the refusal names the request to send again").startsWith("p");
                limited++;
            }
        }
        assertThat(pongs + limited).isEqualTo(20);
        assertThat(pongs).isBetween(5, 10);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
}
