package io.chipledger.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.protocol.ServerMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket00FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The connection over an embedded channel laid out as after an upgrade (an RFC 6455 frame encoder, the socket beyond
 * it): what reaches the socket is read back with Netty's own frame decoder.
 */
class WebSocketConnectionTest {

    private final SocketCounter socket = new SocketCounter();
    private final EmbeddedChannel channel = new EmbeddedChannel(socket, new WebSocket13FrameEncoder(false));
    private final List<Long> broadcastTimes = new ArrayList<>();
    private final WebSocketConnection connection = new WebSocketConnection(channel, FrameTimings.NONE);

    @Test
    void framesSentBeforeTheEventLoopRunsAreWrittenInOrderAsOneWriteAndOneFlush() {
        connection.send(new ServerMessage.Done("a"));
        connection.send(EncodedMessage.of(new ServerMessage.Done("b")));
        connection.send(new ServerMessage.Done("c"));
        assertThat(socket.flushes).isZero();

        channel.runPendingTasks();

        assertThat(socket.writes).as("one buffer for the burst, not a write per frame").isEqualTo(1);
        assertThat(socket.flushes).isEqualTo(1);
        assertThat(textsWritten()).containsExactly(done("a"), done("b"), done("c"));
    }

    @Test
    void aCloseComesAfterTheFramesSentBeforeIt() {
        connection.send(new ServerMessage.Done("a"));
        connection.send(new ServerMessage.Done("b"));
        connection.close("too slow to read");
        channel.runPendingTasks();

        List<WebSocketFrame> frames = framesWritten();
        assertThat(frames).hasSize(3);
        assertThat(((TextWebSocketFrame) frames.get(0)).text()).isEqualTo(done("a"));
        assertThat(((TextWebSocketFrame) frames.get(1)).text()).isEqualTo(done("b"));
        assertThat(((CloseWebSocketFrame) frames.get(2)).reasonText()).isEqualTo("too slow to read");
        frames.forEach(WebSocketFrame::release);
        channel.runPendingTasks();
        assertThat(channel.isOpen()).as("waiting for the client's close in reply").isTrue();
        connection.send(new ServerMessage.Done("c"));
        channel.runPendingTasks();
        assertThat((Object) channel.readOutbound()).as("nothing follows a close frame").isNull();

        channel.advanceTimeBy(5, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).as("closed when no reply came").isFalse();
    }

    @Test
    void aBroadcastIsReportedOnceEveryFrameOfItWasWritten() {
        BroadcastWrites broadcast = new BroadcastWrites(System.nanoTime(), broadcastTimes::add);
        EncodedMessage event = EncodedMessage.of(new ServerMessage.Done("e"));
        connection.send(event, broadcast);
        connection.send(event, broadcast);
        broadcast.sealed();
        assertThat(broadcastTimes).isEmpty();

        channel.runPendingTasks();

        assertThat(broadcastTimes).hasSize(1);
        assertThat(textsWritten()).containsExactly(done("e"), done("e"));
    }

    @Test
    void framesSentWhileTheEventLoopWritesTheLastBurstGoInTheNext() {
        connection.send(new ServerMessage.Done("a"));
        channel.runPendingTasks();
        connection.send(new ServerMessage.Done("b"));
        channel.runPendingTasks();

        assertThat(socket.flushes).isEqualTo(2);
        assertThat(textsWritten()).containsExactly(done("a"), done("b"));
    }

    @Test
    void aHixie76ConnectionStillGetsItsOwnFraming() {
        // Netty accepts an upgrade without Sec-WebSocket-Version as Hixie-76: text is 0x00, the UTF-8, 0xFF.
        EmbeddedChannel hixie = new EmbeddedChannel(new WebSocket00FrameEncoder());
        WebSocketConnection old = new WebSocketConnection(hixie, FrameTimings.NONE);
        old.send(new ServerMessage.Done("a"));
        hixie.runPendingTasks();

        ByteBuf wire = hixie.alloc().buffer();
        ByteBuf part;
        while ((part = hixie.readOutbound()) != null) {
            wire.writeBytes(part);
            part.release();
        }
        assertThat(ByteBufUtil.getBytes(wire)).isEqualTo(hixie76Text(done("a")));
        wire.release();
        hixie.finishAndReleaseAll();
    }

    @Test
    void onlyAPlainRfc6455PipelineIsWrittenFrameBytes() {
        assertThat(WebSocketConnection.speaksPlainRfc6455(channel.pipeline())).isTrue();
        assertThat(WebSocketConnection.speaksPlainRfc6455(new EmbeddedChannel(new WebSocket00FrameEncoder()).pipeline()))
                .as("Hixie-76").isFalse();
        EmbeddedChannel deflating = new EmbeddedChannel(new WebSocket13FrameEncoder(false),
                new PerMessageDeflateServerExtensionHandshaker()
                        .handshakeExtension(new WebSocketExtensionData("permessage-deflate", Map.of()))
                        .newExtensionEncoder());
        assertThat(WebSocketConnection.speaksPlainRfc6455(deflating.pipeline())).as("permessage-deflate").isFalse();
    }

    private List<String> textsWritten() {
        List<String> texts = new ArrayList<>();
        for (WebSocketFrame frame : framesWritten()) {
            texts.add(((TextWebSocketFrame) frame).text());
            frame.release();
        }
        return texts;
    }

    /** What reached the socket, read as a client reads it. */
    private List<WebSocketFrame> framesWritten() {
        EmbeddedChannel client = new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 1 << 20));
        ByteBuf bytes;
        while ((bytes = channel.readOutbound()) != null) {
            client.writeInbound(bytes);
        }
        List<WebSocketFrame> frames = new ArrayList<>();
        WebSocketFrame frame;
        while ((frame = client.readInbound()) != null) {
            frames.add(frame);
        }
        client.finishAndReleaseAll();
        return frames;
    }

    private static byte[] hixie76Text(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] framed = new byte[utf8.length + 2];
        framed[0] = 0x00;
        System.arraycopy(utf8, 0, framed, 1, utf8.length);
        framed[framed.length - 1] = (byte) 0xFF;
        return framed;
    }

    private static String done(String requestId) {
        return new String(EncodedMessage.of(new ServerMessage.Done(requestId)).utf8(), StandardCharsets.UTF_8);
    }

    /** Counts the writes and flushes that reach the socket. */
    private static final class SocketCounter extends ChannelOutboundHandlerAdapter {
        int writes;
        int flushes;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            writes++;
            ctx.write(msg, promise);
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes++;
            ctx.flush();
        }
    }
}
