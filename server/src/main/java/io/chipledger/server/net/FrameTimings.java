package io.chipledger.server.net;

/**
 * Where the socket edge reports how long its stages took, in nanoseconds: reading a frame into a message, writing a
 * message to JSON, and a frame's way from {@code send} to the socket. Called on event loops and table threads, once
 * per frame, so an implementation only adds to a histogram.
 */
public interface FrameTimings {

    /** Reports nothing: for servers whose figures nobody reads (the metrics listener, tests). */
    FrameTimings NONE = new FrameTimings() {
        @Override
        public void decoded(long nanos) {
        }

        @Override
        public void encoded(long nanos) {
        }

        @Override
        public void written(long nanos) {
        }
    };

    void decoded(long nanos);

    void encoded(long nanos);

    void written(long nanos);
}
