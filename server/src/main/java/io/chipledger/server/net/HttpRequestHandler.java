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
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes one aggregated HTTP request to its endpoint, or to the static web client for a GET with no endpoint. Thin by
 * design: it decodes, dispatches and writes; the endpoint's work completes elsewhere and the reply is written when it
 * does. A path or query with a control character (a NUL), and a value the database refuses as data, answer 400 with
 * the reason; an endpoint that does not answer within its bound gets a 503 written for it; other failures answer
 * 500 without details (they are logged). Every answer carries the {@link SecurityHeaders}.
 */
final class HttpRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(HttpRequestHandler.class);

    private final HttpRoutes routes;
    private final int answerSeconds;

    HttpRequestHandler(HttpRoutes routes, int answerSeconds) {
        this.routes = routes;
        this.answerSeconds = answerSeconds;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            write(ctx, request, HttpReply.text(400, "bad request\n"));
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String method = request.method().name();
        String unusable;
        try {
            unusable = HttpInput.problemWith(uri.path(), uri.parameters());
        } catch (IllegalArgumentException badEscape) {
            unusable = "the query is not valid percent-encoding";
        }
        if (unusable != null) {
            write(ctx, request, badRequest(unusable));
            return;
        }
        Optional<HttpEndpoint> endpoint = routes.find(method, uri.path());
        if (endpoint.isPresent()) {
            HttpCall call = new HttpCall(method, uri.path(), uri.parameters(), headers(request), ByteBufUtil.getBytes(request.content()),
                    ctx.channel().remoteAddress() instanceof java.net.InetSocketAddress remote ? remote.getAddress() : null);
            AtomicBoolean answered = new AtomicBoolean();
            // An endpoint waiting on something that went away (the database) still gets an answer, within the bound.
            ScheduledFuture<?> deadline = ctx.executor().schedule(() -> {
                if (answered.compareAndSet(false, true)) {
                    log.warn("{} {} not answered within {} s", method, uri.path(), answerSeconds);
                    write(ctx, request, unavailable("not answered in time; try again shortly"));
                }
            }, answerSeconds, TimeUnit.SECONDS);
            endpoint.get().handle(call).whenComplete((reply, failure) -> {
                deadline.cancel(false);
                if (!answered.compareAndSet(false, true)) {
                    return;
                }
                String refused = failure == null ? null : HttpInput.dataRefusal(failure);
                if (refused != null) {
                    write(ctx, request, badRequest(refused));
                } else if (failure != null && HttpInput.databaseAway(failure)) {
                    log.warn("{} {}: the database is unavailable ({})", method, uri.path(), failure.toString());
                    write(ctx, request, unavailable("the database is unavailable; try again shortly"));
                } else if (failure != null) {
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
                    write(ctx, request, file.map(routes::served).orElse(HttpReply.text(404, "not found\n")));
                }
            });
        } else {
            write(ctx, request, HttpReply.text(405, "method not allowed\n"));
        }
    }

    private static HttpReply unavailable(String why) {
        return new HttpReply(503, "application/json; charset=utf-8", ("{\"error\":{\"code\":\"UNAVAILABLE\",\"message\":"
                + io.chipledger.protocol.ProtocolJson.write(why) + "}}").getBytes(StandardCharsets.UTF_8), Map.of("Retry-After", "5"));
    }

    private static HttpReply badRequest(String why) {
        return HttpReply.json(400, "{\"error\":{\"code\":\"BAD_REQUEST\",\"message\":"
                + io.chipledger.protocol.ProtocolJson.write(why) + "}}");
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
        SecurityHeaders.addTo(response.headers());
        reply.headers().forEach(response.headers()::set);
        if (!reply.headers().containsKey("Content-Length")) { // a 304 names the length its 200 would have had
            HttpUtil.setContentLength(response, reply.body().length);
        }
        ctx.writeAndFlush(response).addListener(written -> {
            HttpDeadlines deadlines = HttpDeadlines.of(ctx.channel());
            if (deadlines != null) {
                deadlines.answered();
            }
        });
    }

    /** The pipeline's backstop idle timer: a connection that is not a WebSocket and went quiet is closed. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof io.netty.handler.timeout.IdleStateEvent) {
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("connection error, closing", cause);
        ctx.close();
    }
}
