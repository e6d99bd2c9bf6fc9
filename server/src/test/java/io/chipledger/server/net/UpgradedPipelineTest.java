package io.chipledger.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An upgraded connection keeps only what a WebSocket needs: its HTTP handlers cost heap on every idle socket. */
class UpgradedPipelineTest {

    @Test
    void theHttpHandlersAreRemovedOnceTheWebSocketHandshakeCompletes() {
        EchoGateway gateway = new EchoGateway();
        EmbeddedChannel channel = new EmbeddedChannel();
        for (String http : List.of(HttpDeadlines.NAME, "idle", "keepAlive", "received", "origin")) {
            channel.pipeline().addLast(http, new ChannelInboundHandlerAdapter());
        }
        channel.pipeline().addLast("frames", new WebSocketFrameHandler(gateway, NetConfig.defaults(), System::nanoTime,
                FrameTimings.NONE));
        channel.pipeline().addLast("route", new ChannelInboundHandlerAdapter());

        channel.pipeline().fireUserEventTriggered(
                new WebSocketServerProtocolHandler.HandshakeComplete("/ws", new DefaultHttpHeaders(), null));

        assertThat(channel.pipeline().names()).contains("idle", "frames")
                .doesNotContain(HttpDeadlines.NAME, "keepAlive", "received", "origin", "route");
        channel.finishAndReleaseAll();
    }
}
