package io.chipledger.server.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines of an HTTP connection, watched on its raw bytes (before the HTTP codec, which sees nothing of a request
 * whose headers never end): between requests it may stay silent for {@code httpIdleSeconds}; once a request's first
 * byte arrived, the whole request must follow within {@code requestReadSeconds}, however slowly it trickles. Either
 * deadline missed closes the connection. While a request is being answered no deadline runs: the answer has its own
 * ({@link HttpRequestHandler}). Removed when the connection becomes a WebSocket, which has its own idle rule.
 */
final class HttpDeadlines extends ChannelInboundHandlerAdapter {

    static final String NAME = "deadlines";
    private static final AttributeKey<HttpDeadlines> KEY = AttributeKey.valueOf(HttpDeadlines.class, "deadlines");

    private enum State { IDLE, READING, ANSWERING }

    private final ConnectionLimits limits;
    private ChannelHandlerContext ctx;
    private State state = State.IDLE;
    private ScheduledFuture<?> deadline;
    /** When the connection last became idle (System.nanoTime), or 0 while it is not: read by {@link ConnectionGate}. */
    private volatile long idleSince;

    HttpDeadlines(ConnectionLimits limits) {
        this.limits = limits;
    }

    /** The connection's deadlines, or null once it is a WebSocket (or was never HTTP). */
    static HttpDeadlines of(Channel channel) {
        return channel.attr(KEY).get();
    }

    /** Since when the connection has held no request (System.nanoTime), or 0 when it is busy or a WebSocket. */
    long idleSince() {
        return idleSince;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        context.channel().attr(KEY).set(this);
        becomeIdle();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext context) {
        cancel();
        idleSince = 0;
        context.channel().attr(KEY).set(null);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (state == State.IDLE) {
            state = State.READING;
            idleSince = 0;
            arm(limits.requestReadSeconds());
        }
        context.fireChannelRead(msg);
    }

    /** The request arrived whole: it is being answered, with no read deadline. Called on the event loop. */
    void requestReceived() {
        state = State.ANSWERING;
        cancel();
    }

    /** The answer was written: the connection may now wait for the next request. Called on the event loop. */
    void answered() {
        if (state == State.ANSWERING) {
            becomeIdle();
        }
    }

    /** Placed after the HTTP aggregator: tells the connection's deadlines that a request arrived whole. */
    @ChannelHandler.Sharable
    static final class Received extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext context, Object msg) {
            HttpDeadlines deadlines = of(context.channel());
            if (deadlines != null && msg instanceof io.netty.handler.codec.http.FullHttpRequest) {
                deadlines.requestReceived();
            }
            context.fireChannelRead(msg);
        }
    }

    private void becomeIdle() {
        state = State.IDLE;
        idleSince = System.nanoTime();
        arm(limits.httpIdleSeconds());
    }

    private void arm(int seconds) {
        cancel();
        deadline = ctx.executor().schedule(() -> {
            if (ctx.channel().isActive()) {
                ctx.close();
            }
        }, seconds, TimeUnit.SECONDS);
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
