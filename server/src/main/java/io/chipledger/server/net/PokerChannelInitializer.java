package io.chipledger.server.net;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;

/** The per-connection pipeline: HTTP codec, bounded aggregation (no unbounded request bodies), then routing. */
final class PokerChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** Largest request body accepted; JSON requests are small. */
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final HttpRoutes routes;

    PokerChannelInitializer(HttpRoutes routes) {
        this.routes = routes;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                .addLast("http", new HttpServerCodec())
                .addLast("keepAlive", new HttpServerKeepAliveHandler())
                .addLast("aggregate", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                .addLast("route", new HttpRequestHandler(routes));
    }
}
