package io.chipledger.server.net;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/**
 * The frames of one broadcast on their way to the sockets: reports the time from {@code startedNanos} to the last of
 * them written, once the sender {@linkplain #sealed() sealed} it (no more frames to come). One per player action, not
 * per frame; its frames may be written on any event loop.
 */
public final class BroadcastWrites {

    /** Counts nothing: for a message that is not part of a timed broadcast. */
    public static final BroadcastWrites NONE = new BroadcastWrites(0, nanos -> { });

    private final long startedNanos;
    private final LongConsumer done;
    /** Frames queued and not yet written, plus one for the sender until it seals. */
    private final AtomicInteger pending = new AtomicInteger(1);

    public BroadcastWrites(long startedNanos, LongConsumer done) {
        this.startedNanos = startedNanos;
        this.done = done;
    }

    void queued() {
        if (this == NONE) {
            return; // shared by every untimed frame: no counter for all threads to fight over
        }
        pending.incrementAndGet();
    }

    /** A frame was written to its socket, or failed to be (its connection closed): either way it is out of the way. */
    void written() {
        if (this != NONE && pending.decrementAndGet() == 0) {
            done.accept(System.nanoTime() - startedNanos);
        }
    }

    /** No more frames: the figure is reported when the last one queued is written, or now if all were. */
    public void sealed() {
        written();
    }
}
