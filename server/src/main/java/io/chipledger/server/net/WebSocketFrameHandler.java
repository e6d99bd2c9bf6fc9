package io.chipledger.server.net;

import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ErrorCode;
import io.chipledger.protocol.ProtocolException;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.protocol.ServerMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Decodes text frames into {@link ClientMessage}s and hands them to the {@link ClientGateway}. Thin: decoding is
 * bounded by the frame size limit, everything else happens behind the gateway. A frame that cannot be read is answered
 * with an error and changes nothing; a client over its rate limit gets {@code RATE_LIMITED}, and one that keeps
 * flooding is disconnected. Binary frames are refused.
 */
final class WebSocketFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    /** Rate-limited frames tolerated before the connection is closed. */
    private static final int MAX_STRIKES = 50;
    /** The pipeline's handlers that serve HTTP requests only (see {@link PokerChannelInitializer}). */
    static final List<String> HTTP_ONLY = List.of(HttpDeadlines.NAME, "keepAlive", "received", "origin", "route");

    private final ClientGateway gateway;
    private final NetConfig config;
    private final LongSupplier nanoClock;
    private final FrameTimings timings;
    private WebSocketConnection connection;
    private RateLimiter limiter;
    private int strikes;

    WebSocketFrameHandler(ClientGateway gateway, NetConfig config, LongSupplier nanoClock, FrameTimings timings) {
        this.gateway = gateway;
        this.config = config;
        this.nanoClock = nanoClock;
        this.timings = timings;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            // A WebSocket lives by its own idle rule (pings), not an HTTP connection's deadlines.
            // The HTTP handlers go too: an idle socket held eleven handlers, a third of its heap, for requests that
            // can no longer come (docs/performance.md).
            for (String http : HTTP_ONLY) {
                if (ctx.pipeline().get(http) != null) {
                    ctx.pipeline().remove(http);
                }
            }
            connection = new WebSocketConnection(ctx.channel(), timings);
            limiter = new RateLimiter(config.messagesPerSecond(), config.messageBurst(), nanoClock.getAsLong());
            gateway.opened(connection);
        } else if (event instanceof IdleStateEvent && connection != null) {
            connection.close("idle");
        } else {
            super.userEventTriggered(ctx, event);
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (connection.isClosing()) {
            return; // the server said goodbye: what crosses its close frame is dropped, as RFC 6455 allows
        }
        if (!(frame instanceof TextWebSocketFrame text)) {
            ctx.writeAndFlush(new io.netty.handler.codec.http.websocketx.CloseWebSocketFrame(
                    WebSocketCloseStatus.INVALID_MESSAGE_TYPE, "text frames only")).addListener(f -> ctx.close());
            return;
        }
        long received = nanoClock.getAsLong();
        if (!limiter.tryAcquire(received)) {
            if (++strikes > MAX_STRIKES) {
                connection.close("rate limit");
            } else {
                // Named, so the client knows which request to send again later.
                connection.send(new ServerMessage.Error(ProtocolJson.requestIdOf(text.text()), ErrorCode.RATE_LIMITED,
                        "too many messages; slow down"));
            }
            return;
        }
        ClientMessage message;
        try {
            message = ProtocolJson.readClientMessage(text.text());
        } catch (ProtocolException e) {
            connection.send(new ServerMessage.Error(ProtocolJson.requestIdOf(text.text()), e.code(), e.getMessage()));
            return;
        }
        timings.decoded(nanoClock.getAsLong() - received);
        gateway.received(connection, message, received);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (connection != null) {
            gateway.closed(connection);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
