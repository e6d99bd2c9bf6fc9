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

    WebSocketConnection(Channel channel) {
        this.channel = channel;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public void send(ServerMessage message) {
        if (readyToWrite()) {
            channel.writeAndFlush(new TextWebSocketFrame(ProtocolJson.write(message)));
        }
    }

    @Override
    public void send(EncodedMessage message) {
        if (readyToWrite()) {
            // A new buffer over the shared bytes per frame: each has its own indices and reference count.
            channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(message.utf8())));
        }
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
