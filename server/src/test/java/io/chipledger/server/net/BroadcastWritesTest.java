package io.chipledger.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BroadcastWritesTest {

    private final List<Long> reported = new ArrayList<>();

    @Test
    void theFigureIsReportedOnceTheLastFrameIsWrittenAfterTheSenderSealed() {
        BroadcastWrites broadcast = new BroadcastWrites(System.nanoTime(), reported::add);
        broadcast.queued();
        broadcast.queued();
        broadcast.written();
        broadcast.sealed();
        assertThat(reported).isEmpty();
        broadcast.written();
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0)).isNotNegative();
    }

    @Test
    void framesWrittenBeforeTheSenderSealedWaitForTheSeal() {
        BroadcastWrites broadcast = new BroadcastWrites(System.nanoTime(), reported::add);
        broadcast.queued();
        broadcast.written();
        assertThat(reported).isEmpty();
        broadcast.sealed();
        assertThat(reported).hasSize(1);
    }
}
