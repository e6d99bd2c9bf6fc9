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
 * {@code Origin} on a WebSocket upgrade; it must be one of the configured origins (compared whole) or, when none are
 * configured, name our own scheme ({@code https} when we speak TLS, else {@code http}) and the same host and port as
 * the request's {@code Host}: a page from {@code http://} cannot open the socket of a server that speaks TLS. Behind a
 * proxy that terminates TLS, name the public origin with {@code --allowed-origin}. A request with no {@code Origin} is not from a browser page
 * (a bot, a test client) and cannot carry a victim's session, so it is let through.
 */
@ChannelHandler.Sharable
final class OriginCheck extends ChannelInboundHandlerAdapter {

    private final String websocketPath;
    private final Set<String> allowedOrigins;
    /** The scheme of our own pages: {@code https} when we speak TLS. */
    private final String scheme;

    OriginCheck(String websocketPath, Set<String> allowedOrigins, boolean tls) {
        this.websocketPath = websocketPath;
        this.allowedOrigins = allowedOrigins;
        this.scheme = tls ? "https" : "http";
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
            SecurityHeaders.addTo(forbidden.headers());
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
            URI page = URI.create(origin);
            URI requested = URI.create(scheme + "://" + host);
            if (page.getHost() == null || host == null || requested.getHost() == null || !scheme.equals(page.getScheme())) {
                return false;
            }
            return page.getHost().equalsIgnoreCase(requested.getHost()) && portOf(page) == portOf(requested);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static int portOf(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }
}
