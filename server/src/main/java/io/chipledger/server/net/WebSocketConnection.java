package io.chipledger.server.net;

import io.chipledger.protocol.ProtocolJson;
import io.chipledger.protocol.ServerMessage;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ClientConnection} over a Netty channel. Messages are encoded on the caller's thread and written without
 * waiting; when the channel's outbound buffer passes the high-water mark (a client that stopped reading), the
 * connection is closed: the client resyncs on reconnect instead of the server buffering without bound.
 */
final class WebSocketConnection implements ClientConnection {

    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final Channel channel;
    private final FrameTimings timings;

    WebSocketConnection(Channel channel, FrameTimings timings) {
        this.channel = channel;
        this.timings = timings;
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
            write(utf8, BroadcastWrites.NONE);
        }
    }

    @Override
    public void send(EncodedMessage message) {
        send(message, BroadcastWrites.NONE);
    }

    @Override
    public void send(EncodedMessage message, BroadcastWrites broadcast) {
        if (readyToWrite()) {
            write(message.utf8(), broadcast);
        }
    }

    private void write(byte[] utf8, BroadcastWrites broadcast) {
        long queued = System.nanoTime();
        broadcast.queued();
        // A new buffer over the bytes per frame: each has its own indices and reference count.
        channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(utf8))).addListener(written -> {
            timings.written(System.nanoTime() - queued);
            broadcast.written();
        });
    }

    private boolean readyToWrite() {
        if (!channel.isActive()) {
            return false;
        }
        if (!channel.isWritable()) {
            close("too slow to read");
            return false;
        }
        return true;
    }

    @Override
    public void close(String reason) {
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, reason))
                    .addListener(f -> channel.close());
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isActive();
    }

    @Override
    public String toString() {
        return "connection " + id + " " + channel.remoteAddress();
    }
}
