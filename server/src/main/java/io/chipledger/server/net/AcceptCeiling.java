package io.chipledger.server.net;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The listening socket's own count of the connections it accepted and that are not closed yet, with a ceiling below
 * the descriptor limit at which it stops accepting until connections close. It runs on the accepting thread, where a
 * connection is counted the moment it is accepted: {@link ConnectionGate} counts a connection only once its event loop
 * has registered it, and when those loops are starved (a fuzzer, a loaded machine) the accepting thread could take
 * sockets from the kernel faster than any of them was seen, run out of descriptors, and then Netty stopped accepting for
 * a whole second after each failure, {@code /health} included. Paused here, new connections wait in the kernel's accept
 * queue (costing no descriptor) only until the gate has closed enough idle ones to make room.
 */
@ChannelHandler.Sharable
final class AcceptCeiling extends ChannelInboundHandlerAdapter {

    private final int ceiling;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong pauses = new AtomicLong();

    /** {@code ceiling}: the most sockets accepted and not yet closed before accepting pauses. */
    AcceptCeiling(int ceiling) {
        if (ceiling < 1) {
            throw new IllegalArgumentException("the accept ceiling must be positive");
        }
        this.ceiling = ceiling;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        Channel listening = ctx.channel();
        Channel child = (Channel) message;
        child.closeFuture().addListener(closed -> {
            if (accepted.decrementAndGet() < ceiling && !listening.config().isAutoRead()) {
                listening.eventLoop().execute(() -> resumeIfRoom(listening));
            }
        });
        if (accepted.incrementAndGet() >= ceiling && listening.config().isAutoRead()) {
            // The sockets of this read are still handed over (a few more than the ceiling: the reserve is for them).
            pauses.incrementAndGet();
            listening.config().setAutoRead(false);
            resumeIfRoom(listening); // a connection may have closed while this one paused
        }
        ctx.fireChannelRead(child);
    }

    /** Runs on the accepting thread. */
    private void resumeIfRoom(Channel listening) {
        if (accepted.get() < ceiling && !listening.config().isAutoRead()) {
            listening.config().setAutoRead(true);
        }
    }

    int ceiling() {
        return ceiling;
    }

    /** Sockets accepted and not yet closed. */
    int accepted() {
        return accepted.get();
    }

    /** How many times accepting paused at the ceiling, since start. */
    long pauses() {
        return pauses.get();
    }
}
