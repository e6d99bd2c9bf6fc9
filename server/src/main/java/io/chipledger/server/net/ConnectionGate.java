package io.chipledger.server.net;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every connection: caps connections per remote address and in all, so that accepting never
 * runs out of file descriptors (then nothing, {@code /health} included, could connect). Over the total cap, the
 * connection that has been idle longest (an HTTP connection with no request in progress; never a WebSocket or a
 * request being answered) is closed to make room, so a flood of silent sockets cannot keep a real request out; when
 * there is none, the new connection is refused. A refused connection is told why in a plain HTTP 503 before the
 * close (unless it is TLS, which cannot be spoken to yet).
 */
@ChannelHandler.Sharable
final class ConnectionGate extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ConnectionGate.class);
    /** Descriptors kept for everything else the server opens: database connections, class files, logs. */
    private static final int DESCRIPTOR_RESERVE = 256;

    private final ConnectionLimits limits;
    private final int total;
    private final boolean tls;
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger count = new AtomicInteger();
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final AtomicLong shed = new AtomicLong();

    ConnectionGate(ConnectionLimits limits, boolean tls) {
        this.limits = limits;
        this.total = limits.total() > 0 ? limits.total() : fromDescriptorLimit();
        this.tls = tls;
    }

    /**
     * The most connections the descriptor limit leaves room for: what is still free of it now (the JVM's jars, the
     * database pool and the rest are open already when the server starts listening), less a reserve of a quarter of
     * that, at most {@value #DESCRIPTOR_RESERVE}, for what the server opens later.
     */
    static int fromDescriptorLimit() {
        OptionalLong free = freeDescriptors();
        if (free.isEmpty()) {
            return 10_000;
        }
        long room = free.getAsLong();
        return (int) Math.max(32, Math.min(Integer.MAX_VALUE, room - Math.min(DESCRIPTOR_RESERVE, room / 4)));
    }

    /** Descriptors the process may still open, where the platform says (not on Windows). */
    private static OptionalLong freeDescriptors() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return OptionalLong.of(unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount());
        }
        return OptionalLong.empty();
    }

    int totalCap() {
        return total;
    }

    /**
     * The hard ceiling for {@link AcceptCeiling}: room above the polite cap for the connections being closed to make
     * room (their descriptors are free only once their event loop has closed them), and still below the descriptor
     * limit by half the reserve.
     */
    int acceptCeiling() {
        int aboveCap = total + Math.max(16, Math.min(DESCRIPTOR_RESERVE / 2, total / 8));
        OptionalLong free = freeDescriptors();
        if (free.isEmpty()) {
            return aboveCap;
        }
        long room = free.getAsLong();
        return (int) Math.max(32, Math.min(aboveCap, room - Math.min(DESCRIPTOR_RESERVE / 2, room / 8)));
    }

    /** Connections refused or closed to make room, since start. */
    long shed() {
        return shed.get();
    }

    int open() {
        return count.get();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        Channel channel = ctx.channel();
        InetAddress address = addressOf(channel);
        if (capped(address) && perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet() > limits.perAddress()) {
            release(address);
            refuse(ctx, "too many connections from your address");
            return;
        }
        if (count.incrementAndGet() > total && !makeRoom()) {
            count.decrementAndGet();
            if (capped(address)) {
                release(address);
            }
            refuse(ctx, "the server is full; try again shortly");
            return;
        }
        open.add(channel);
        channel.closeFuture().addListener(closed -> {
            open.remove(channel);
            count.decrementAndGet();
            if (capped(address)) {
                release(address);
            }
        });
        super.channelActive(ctx);
    }

    /**
     * Closes the connection idle longest, if any; true when one was closed (its count goes when it is gone). Connections
     * accepted at the same moment on other event loops may pick the same one: the loser looks again.
     */
    private boolean makeRoom() {
        for (int attempt = 0; attempt < 16; attempt++) {
            Boolean made = tryToMakeRoom();
            if (made != null) {
                return made;
            }
        }
        return false;
    }

    /** True when a connection was closed, false when none is idle, null when another thread took the one found. */
    private Boolean tryToMakeRoom() {
        Channel oldest = null;
        long oldestSince = Long.MAX_VALUE;
        for (Channel candidate : open) {
            HttpDeadlines deadlines = HttpDeadlines.of(candidate);
            long since = deadlines == null ? 0 : deadlines.idleSince();
            if (since != 0 && since < oldestSince && candidate.isActive()) {
                oldest = candidate;
                oldestSince = since;
            }
        }
        if (oldest == null) {
            return false;
        }
        if (!open.remove(oldest)) {
            return null;
        }
        shed.incrementAndGet();
        oldest.close(); // its close listener counts it out, a moment after the new connection counted itself in
        return true;
    }

    private boolean capped(InetAddress address) {
        return limits.perAddress() > 0 && address != null && (limits.capLoopback() || !address.isLoopbackAddress());
    }

    private void release(InetAddress address) {
        perAddress.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    private void refuse(ChannelHandlerContext ctx, String why) {
        shed.incrementAndGet();
        log.debug("refused a connection from {}: {}", ctx.channel().remoteAddress(), why);
        if (tls) {
            ctx.close();
            return;
        }
        byte[] body = (why + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\nRetry-After: 5\r\n"
                + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n";
        ctx.writeAndFlush(Unpooled.wrappedBuffer(head.getBytes(StandardCharsets.US_ASCII), body))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private static InetAddress addressOf(Channel channel) {
        return channel.remoteAddress() instanceof InetSocketAddress socket ? socket.getAddress() : null;
    }
}
