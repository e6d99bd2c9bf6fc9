package io.chipledger.server.net;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The per-connection pipeline: the connection caps, optional TLS, HTTP deadlines, HTTP codec, bounded aggregation, the
 * origin check and WebSocket upgrade
 * at {@value #WEBSOCKET_PATH}, then either the frame handler (after an upgrade) or HTTP routing.
 */
final class PokerChannelInitializer extends ChannelInitializer<SocketChannel> {

    static final String WEBSOCKET_PATH = "/ws";
    /** Largest request body accepted; JSON requests are small. */
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final HttpRoutes routes;
    private final ClientGateway gateway;
    private final NetConfig config;
    private final SslContext ssl;
    private final OriginCheck originCheck;
    private final ConnectionGate gate;
    private final FrameTimings timings;
    private final HttpDeadlines.Received received = new HttpDeadlines.Received();

    PokerChannelInitializer(HttpRoutes routes, ClientGateway gateway, NetConfig config, SslContext ssl,
                            FrameTimings timings) {
        this.routes = routes;
        this.timings = timings;
        this.gateway = gateway;
        this.config = config;
        this.ssl = ssl;
        this.originCheck = new OriginCheck(WEBSOCKET_PATH, config.allowedOrigins(), ssl != null);
        this.gate = new ConnectionGate(config.limits(), ssl != null);
    }

    ConnectionGate gate() {
        return gate;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline().addLast("gate", gate);
        // Answers written while a read is in progress (refusals of frames that cannot be decoded, for one) go out in
        // one flush at the end of the read, not one system call each.
        ch.pipeline().addLast("flushes", new FlushConsolidationHandler());
        if (ssl != null) {
            ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc()));
        }
        WebSocketServerProtocolConfig websocket = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(WEBSOCKET_PATH)
                .maxFramePayloadLength(config.maxFrameBytes())
                .checkStartsWith(false)
                .allowExtensions(false)
                .handshakeTimeoutMillis(10_000)
                .build();
        ch.pipeline()
                .addLast(HttpDeadlines.NAME, new HttpDeadlines(config.limits()))
                .addLast("idle", new IdleStateHandler(config.idleSeconds(), 0, 0, TimeUnit.SECONDS))
                .addLast("http", new HttpServerCodec())
                .addLast("keepAlive", new HttpServerKeepAliveHandler())
                .addLast("aggregate", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                .addLast("received", received)
                .addLast("origin", originCheck)
                .addLast("websocket", new WebSocketServerProtocolHandler(websocket))
                .addLast("frames", new WebSocketFrameHandler(gateway, config, System::nanoTime, timings))
                .addLast("route", new HttpRequestHandler(routes, config.limits().answerSeconds()));
    }
}
