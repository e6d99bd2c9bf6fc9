package io.chipledger.server.metrics;

import io.chipledger.server.net.FrameTimings;

/**
 * The game server's own figures: what the tables did, and how long each stage of a message took, from its frame
 * decoded to the last frame of its broadcast written (docs/performance.md reads them). One instance per server,
 * shared by every table actor and connection.
 */
public final class GameMetrics implements FrameTimings {

    private static final double[] LATENCY_BOUNDS_MILLIS = {0.5, 1, 2, 5, 10, 20, 50, 100, 250, 500, 1000, 5000};
    private static final String REFUSED = "poker_requests_refused_total";
    private static final String REFUSED_HELP = "Table requests answered with an error, by error code.";

    private final Metrics metrics;
    public final Metrics.Counter handsStarted;
    public final Metrics.Counter handsSettled;
    public final Metrics.Counter handsVoided;
    public final Metrics.Counter actions;
    public final Metrics.Counter actionsTimedOut;
    public final Metrics.Histogram ledgerCommit;
    public final Metrics.Histogram actionToBroadcast;
    public final Metrics.Histogram frameDecode;
    public final Metrics.Histogram mailboxWait;
    public final Metrics.Histogram tableTurn;
    public final Metrics.Histogram frameEncode;
    public final Metrics.Histogram frameWrite;

    public GameMetrics(Metrics metrics) {
        this.metrics = metrics;
        handsStarted = metrics.counter("poker_hands_started_total", "Hands dealt.");
        handsSettled = metrics.counter("poker_hands_settled_total", "Hands whose settlement committed.");
        handsVoided = metrics.counter("poker_hands_voided_total", "Hands cancelled with every chip returned to its seat.");
        actions = metrics.counter("poker_actions_total", "Player actions carried out, timed-out ones included.");
        actionsTimedOut = metrics.counter("poker_actions_timed_out_total", "Actions the clock took (check or fold).");
        ledgerCommit = metrics.histogram("poker_ledger_commit_seconds",
                "Time from a table posting chips to the ledger's commit.", LATENCY_BOUNDS_MILLIS);
        actionToBroadcast = metrics.histogram("poker_action_broadcast_seconds",
                "Time from a player's action frame arriving to the last frame of its broadcast written to the sockets.",
                LATENCY_BOUNDS_MILLIS);
        frameDecode = metrics.histogram("poker_frame_decode_seconds",
                "Time to read a WebSocket text frame into a client message.", LATENCY_BOUNDS_MILLIS);
        mailboxWait = metrics.histogram("poker_mailbox_wait_seconds",
                "Time a client message waited in its table's mailbox before the table took it.", LATENCY_BOUNDS_MILLIS);
        tableTurn = metrics.histogram("poker_table_engine_seconds",
                "Time a table spent on a client message until it waited for the ledger: checks, the poker engine, posting.",
                LATENCY_BOUNDS_MILLIS);
        frameEncode = metrics.histogram("poker_frame_encode_seconds",
                "Time to write a server message to JSON (once per audience for a table's events).", LATENCY_BOUNDS_MILLIS);
        frameWrite = metrics.histogram("poker_frame_write_seconds",
                "Time from a frame being sent to its bytes written to the socket.", LATENCY_BOUNDS_MILLIS);
    }

    /** A table request answered with an error: counted under its code ({@code poker_requests_refused_total{code=...}}). */
    public void requestRefused(Enum<?> code) {
        metrics.counter(REFUSED, REFUSED_HELP, "code", code.name()).increment();
    }

    @Override
    public void decoded(long nanos) {
        frameDecode.recordNanos(nanos);
    }

    @Override
    public void encoded(long nanos) {
        frameEncode.recordNanos(nanos);
    }

    @Override
    public void written(long nanos) {
        frameWrite.recordNanos(nanos);
    }

    /** Metrics that count nothing anyone reads: for tests and tools that build tables without a server. */
    public static GameMetrics unregistered() {
        return new GameMetrics(new Metrics());
    }
}
