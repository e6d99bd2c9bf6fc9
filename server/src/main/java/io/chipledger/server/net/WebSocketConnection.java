package io.chipledger.server.net;

import io.chipledger.protocol.ProtocolJson;
import io.chipledger.protocol.ServerMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ClientConnection} over a Netty channel. Messages are encoded on the caller's thread and queued without
 * waiting; the channel's event loop writes whatever has queued in one go and flushes once, so the burst of frames a
 * table's action sends a watcher costs one task and one system call, not one of each per frame. The burst goes down the
 * pipeline as one buffer of ready frame bytes ({@link TextFrameHeader}), not as a Netty frame, an encoder pass and a
 * promise per frame. When the channel's outbound buffer passes the high-water mark (a client that stopped reading), the
 * connection is closed: the client resyncs on reconnect instead of the server buffering without bound.
 */
final class WebSocketConnection implements ClientConnection {

    private static final AtomicLong IDS = new AtomicLong();
    private static final AtomicIntegerFieldUpdater<WebSocketConnection> DRAIN_SCHEDULED =
            AtomicIntegerFieldUpdater.newUpdater(WebSocketConnection.class, "drainScheduled");
    /** How long a client has to answer a close frame before the server closes the TCP connection anyway. */
    private static final long CLOSE_REPLY_SECONDS = 5;

    private final long id = IDS.incrementAndGet();
    private final Channel channel;
    private final FrameTimings timings;
    /** Whether a burst is written as its frames' bytes (see {@link #speaksPlainRfc6455}) or as Netty's frames. */
    private final boolean writesFrameBytes;
    /** Frames (and at most one close) not yet handed to the channel, in the order they were sent. */
    private final Queue<Outgoing> outbox = new ConcurrentLinkedQueue<>();
    /** 1 while a drain is queued on the event loop and has not yet started taking from the outbox. */
    private volatile int drainScheduled;
    private volatile boolean closing;

    WebSocketConnection(Channel channel, FrameTimings timings) {
        this.channel = channel;
        this.timings = timings;
        this.writesFrameBytes = speaksPlainRfc6455(channel.pipeline());
    }

    /**
     * True when the upgrade put an RFC 6455 frame encoder in the pipeline (versions 7, 8 and 13 share it) and no
     * extension: then a text frame's bytes are {@link TextFrameHeader} and the JSON. Netty still accepts a Hixie-76
     * upgrade (no {@code Sec-WebSocket-Version}), whose text frames are framed otherwise, and an extension such as
     * permessage-deflate would change payloads and RSV bits. None is negotiated today ({@link PokerChannelInitializer}
     * adds no extension handler), but such a connection keeps Netty's frames rather than get bytes it cannot read.
     */
    static boolean speaksPlainRfc6455(ChannelPipeline pipeline) {
        return pipeline.get(WebSocket08FrameEncoder.class) != null && pipeline.get(WebSocketExtensionEncoder.class) == null;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public void send(ServerMessage message) {
        if (readyToWrite()) {
            long started = System.nanoTime();
            // Straight to UTF-8 bytes: a String first would be one more copy of every message.
            byte[] utf8 = ProtocolJson.writeBytes(message);
            timings.encoded(System.nanoTime() - started);
            queue(new Outgoing(utf8, BroadcastWrites.NONE, System.nanoTime(), null));
        }
    }

    @Override
    public void send(EncodedMessage message) {
        send(message, BroadcastWrites.NONE);
    }

    @Override
    public void send(EncodedMessage message, BroadcastWrites broadcast) {
        if (readyToWrite()) {
            queue(new Outgoing(message.utf8(), broadcast, System.nanoTime(), null));
        }
    }

    private void queue(Outgoing outgoing) {
        outgoing.broadcast.queued();
        outbox.add(outgoing);
        if (DRAIN_SCHEDULED.compareAndSet(this, 0, 1)) {
            try {
                channel.eventLoop().execute(this::drain);
            } catch (RejectedExecutionException stopped) {
                // The event loops are shut down (the server is stopping): nothing queued here will be written.
                Outgoing dropped;
                while ((dropped = outbox.poll()) != null) {
                    dropped.broadcast.written();
                }
            }
        }
    }

    /**
     * On the event loop: writes every frame queued so far and flushes once. The burst's write completes after all its
     * frames are written, so its listener times the whole burst.
     */
    private void drain() {
        drainScheduled = 0; // from here on, a frame queued is either taken below or schedules another drain
        List<Outgoing> burst = new ArrayList<>();
        Outgoing next;
        while ((next = outbox.poll()) != null) {
            if (next.closeReason != null) {
                flush(burst);
                sendClose(next.closeReason);
                burst = new ArrayList<>();
                continue;
            }
            burst.add(next);
        }
        flush(burst);
    }

    private void flush(List<Outgoing> burst) {
        if (burst.isEmpty()) {
            return;
        }
        ChannelFuture written = writesFrameBytes ? writeAsOneBuffer(burst) : writeFrameByFrame(burst);
        written.addListener(done -> {
            long now = System.nanoTime();
            for (Outgoing outgoing : burst) {
                timings.written(now - outgoing.queuedNanos);
                outgoing.broadcast.written();
            }
        });
    }

    /**
     * The burst's frames, header and JSON each, copied into one buffer from the channel's allocator and written and
     * flushed once: one pass down the pipeline and one promise for the burst. Written from the tail like the close
     * frame, so the WebSocket protocol handler still refuses what would follow a close (ours, or its echo of the
     * client's), and in order with it; the frame encoder hands a buffer on untouched, and TLS, the idle and flush
     * handlers nearer the head see it as they saw the frames' bytes.
     */
    private ChannelFuture writeAsOneBuffer(List<Outgoing> burst) {
        int size = 0;
        for (Outgoing outgoing : burst) {
            size += TextFrameHeader.sizeOf(outgoing.utf8.length) + outgoing.utf8.length;
        }
        ByteBuf frames = channel.alloc().ioBuffer(size);
        for (Outgoing outgoing : burst) {
            TextFrameHeader.write(frames, outgoing.utf8.length);
            frames.writeBytes(outgoing.utf8);
        }
        return channel.writeAndFlush(frames);
    }

    /** For a connection whose frames only Netty's encoder knows how to write (see {@link #speaksPlainRfc6455}). */
    private ChannelFuture writeFrameByFrame(List<Outgoing> burst) {
        int last = burst.size() - 1;
        for (int i = 0; i < last; i++) {
            channel.write(frameOf(burst.get(i)));
        }
        return channel.writeAndFlush(frameOf(burst.get(last)));
    }

    private static TextWebSocketFrame frameOf(Outgoing outgoing) {
        // A new buffer over the bytes per frame: each has its own indices and reference count.
        return new TextWebSocketFrame(Unpooled.wrappedBuffer(outgoing.utf8));
    }

    private boolean readyToWrite() {
        if (closing || !channel.isActive()) {
            return false;
        }
        if (!channel.isWritable()) {
            close("too slow to read");
            return false;
        }
        return true;
    }

    /** Closes after the frames already queued are written, as a close written at once would have been. */
    @Override
    public void close(String reason) {
        if (closing || !channel.isActive()) {
            return;
        }
        closing = true;
        queue(new Outgoing(null, BroadcastWrites.NONE, System.nanoTime(), reason));
    }

    /**
     * The closing handshake: the client's Close in reply makes the protocol handler close the connection. Closing the
     * TCP connection at once instead resets it when the client still sends, and a reset can throw away the close
     * frame, and the reason in it, before the client has read it.
     */
    private void sendClose(String reason) {
        channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, reason)).addListener(sent -> {
            if (sent.isSuccess()) {
                channel.eventLoop().schedule(() -> channel.close(), CLOSE_REPLY_SECONDS, TimeUnit.SECONDS);
            } else {
                channel.close();
            }
        });
    }

    /** A close is on its way: what the client sends from now on is not read, and nothing more is queued. */
    boolean isClosing() {
        return closing;
    }

    @Override
    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public String toString() {
        return "connection " + id + " " + channel.remoteAddress();
    }

    /** A frame's bytes on their way, or (with {@code closeReason}) the close that ends the connection. */
    private record Outgoing(byte[] utf8, BroadcastWrites broadcast, long queuedNanos, String closeReason) {
    }
}
