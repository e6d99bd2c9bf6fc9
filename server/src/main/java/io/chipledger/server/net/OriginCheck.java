package io.chipledger.server.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses WebSocket upgrades from pages of other sites (cross-site WebSocket hijacking). Browsers always send
 * {@code Origin} on a WebSocket upgrade; it must be one of the configured origins or, when none are configured, name
 * the same host and port as the request's {@code Host}. A request with no {@code Origin} is not from a browser page
 * (a bot, a test client) and cannot carry a victim's session, so it is let through.
 */
@ChannelHandler.Sharable
final class OriginCheck extends ChannelInboundHandlerAdapter {

    private final String websocketPath;
    private final Set<String> allowedOrigins;

    OriginCheck(String websocketPath, Set<String> allowedOrigins) {
        this.websocketPath = websocketPath;
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest request
                && new QueryStringDecoder(request.uri()).path().equals(websocketPath)
                && !allowed(request.headers().get(HttpHeaderNames.ORIGIN), request.headers().get(HttpHeaderNames.HOST))) {
            ReferenceCountUtil.release(msg);
            DefaultFullHttpResponse forbidden = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.FORBIDDEN,
                    Unpooled.copiedBuffer("origin not allowed\n", java.nio.charset.StandardCharsets.UTF_8));
            HttpUtil.setContentLength(forbidden, forbidden.content().readableBytes());
            ctx.writeAndFlush(forbidden).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    boolean allowed(String origin, String host) {
        if (origin == null) {
            return true;
        }
        if (!allowedOrigins.isEmpty()) {
            return allowedOrigins.contains(origin);
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null || host == null) {
                return false;
            }
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            String defaultPortHost = uri.getHost() + ":" + ("https".equals(uri.getScheme()) ? 443 : 80);
            String requestHost = host.toLowerCase(Locale.ROOT);
            return requestHost.equals(originHost.toLowerCase(Locale.ROOT))
                    || (uri.getPort() < 0 && requestHost.equals(defaultPortHost.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
