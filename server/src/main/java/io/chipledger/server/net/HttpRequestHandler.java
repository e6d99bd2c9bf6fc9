package io.chipledger.server.net;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes one aggregated HTTP request to its endpoint, or to the static web client for a GET with no endpoint. Thin by
 * design: it decodes, dispatches and writes; the endpoint's work completes elsewhere and the reply is written when it
 * does. Failures answer 500 without details (they are logged).
 */
final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(HttpRequestHandler.class);

    private final HttpRoutes routes;

    HttpRequestHandler(HttpRoutes routes) {
        this.routes = routes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            write(ctx, request, HttpReply.text(400, "bad request\n"));
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String method = request.method().name();
        Optional<HttpEndpoint> endpoint = routes.find(method, uri.path());
        if (endpoint.isPresent()) {
            HttpCall call = new HttpCall(method, uri.path(), uri.parameters(), headers(request), ByteBufUtil.getBytes(request.content()));
            endpoint.get().handle(call).whenComplete((reply, failure) -> {
                if (failure != null) {
                    log.warn("{} {} failed", method, uri.path(), failure);
                    write(ctx, request, HttpReply.json(500, "{\"error\":\"internal\"}"));
                } else {
                    write(ctx, request, reply);
                }
            });
        } else if (request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD)) {
            routes.staticFiles().find(uri.path(), headers(request)).whenComplete((file, failure) -> {
                if (failure != null) {
                    log.warn("static file {} failed", uri.path(), failure);
                    write(ctx, request, HttpReply.text(500, "internal error\n"));
                } else {
                    write(ctx, request, file.orElse(HttpReply.text(404, "not found\n")));
                }
            });
        } else {
            write(ctx, request, HttpReply.text(405, "method not allowed\n"));
        }
    }

    private static Map<String, String> headers(FullHttpRequest request) {
        Map<String, String> headers = new HashMap<>();
        request.headers().forEach(h -> headers.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
        return headers;
    }

    /** Writes the reply; keep-alive is decided by {@code HttpServerKeepAliveHandler} from the request's headers. */
    private static void write(ChannelHandlerContext ctx, FullHttpRequest request, HttpReply reply) {
        boolean head = request.method().equals(HttpMethod.HEAD);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(reply.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(reply.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        response.headers().set("X-Content-Type-Options", "nosniff");
        reply.headers().forEach(response.headers()::set);
        if (!reply.headers().containsKey("Content-Length")) { // a 304 names the length its 200 would have had
            HttpUtil.setContentLength(response, reply.body().length);
        }
        ctx.writeAndFlush(response);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("connection error, closing", cause);
        ctx.close();
    }
}
