package io.chipledger.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.protocol.ServerMessage;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WebSocketConnectionTest {

    private final FlushCounter flushes = new FlushCounter();
    private final EmbeddedChannel channel = new EmbeddedChannel(flushes);
    private final List<Long> broadcastTimes = new ArrayList<>();
    private final WebSocketConnection connection = new WebSocketConnection(channel, FrameTimings.NONE);

    @Test
    void framesSentBeforeTheEventLoopRunsAreWrittenInOrderWithOneFlush() {
        connection.send(new ServerMessage.Done("a"));
        connection.send(EncodedMessage.of(new ServerMessage.Done("b")));
        connection.send(new ServerMessage.Done("c"));
        assertThat(flushes.count).isZero();

        channel.runPendingTasks();

        assertThat(flushes.count).isEqualTo(1);
        assertThat(textsWritten()).containsExactly(done("a"), done("b"), done("c"));
    }

    @Test
    void aCloseComesAfterTheFramesSentBeforeIt() {
        connection.send(new ServerMessage.Done("a"));
        connection.close("too slow to read");
        channel.runPendingTasks();

        assertThat(((TextWebSocketFrame) channel.readOutbound()).text()).isEqualTo(done("a"));
        CloseWebSocketFrame close = channel.readOutbound();
        assertThat(close.reasonText()).isEqualTo("too slow to read");
        channel.runPendingTasks();
        assertThat(channel.isOpen()).as("waiting for the client's close in reply").isTrue();
        connection.send(new ServerMessage.Done("b"));
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

        assertThat(flushes.count).isEqualTo(2);
        assertThat(textsWritten()).containsExactly(done("a"), done("b"));
    }

    private List<String> textsWritten() {
        List<String> texts = new ArrayList<>();
        WebSocketFrame frame;
        while ((frame = channel.readOutbound()) != null) {
            texts.add(((TextWebSocketFrame) frame).text());
            frame.release();
        }
        return texts;
    }

    private static String done(String requestId) {
        return new String(EncodedMessage.of(new ServerMessage.Done(requestId)).utf8(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Counts the flushes that reach the channel. */
    private static final class FlushCounter extends ChannelOutboundHandlerAdapter {
        int count;

        @Override
        public void flush(ChannelHandlerContext ctx) {
            count++;
            ctx.flush();
        }
    }
}
