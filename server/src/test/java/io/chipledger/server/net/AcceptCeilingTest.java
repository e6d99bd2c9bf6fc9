package io.chipledger.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The accepting thread's ceiling: accepting pauses when the sockets accepted and not yet closed reach it (no socket is
 * dropped: the rest wait in the kernel's queue), and resumes as soon as one closes.
 */
class AcceptCeilingTest {

    @Test
    void acceptingPausesAtTheCeilingAndResumesWhenAConnectionCloses() {
        AcceptCeiling ceiling = new AcceptCeiling(3);
        EmbeddedChannel listening = new EmbeddedChannel(ceiling);
        List<EmbeddedChannel> accepted = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            accepted.add(accept(listening));
        }
        assertThat(listening.config().isAutoRead()).as("below the ceiling").isTrue();

        accepted.add(accept(listening));

        assertThat(listening.config().isAutoRead()).as("at the ceiling").isFalse();
        assertThat(ceiling.accepted()).isEqualTo(3);
        assertThat(ceiling.pauses()).isEqualTo(1);
        assertThat(accepted).allMatch(EmbeddedChannel::isOpen);

        accepted.get(0).close().syncUninterruptibly();
        listening.runPendingTasks();

        assertThat(ceiling.accepted()).isEqualTo(2);
        assertThat(listening.config().isAutoRead()).as("one closed: room again").isTrue();
    }

    private static EmbeddedChannel accept(EmbeddedChannel listening) {
        EmbeddedChannel socket = new EmbeddedChannel();
        listening.writeInbound(socket);
        assertThat((Object) listening.readInbound()).as("handed on to be registered").isSameAs(socket);
        return socket;
    }
}
