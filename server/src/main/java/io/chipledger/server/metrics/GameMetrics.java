package io.chipledger.server.metrics;

/**
 * The game server's own figures: what the tables did and how long their ledger commits and broadcasts took. One
 * instance per server, shared by every table actor.
 */
public final class GameMetrics {

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
                "Time from receiving a player's action to broadcasting its events.", LATENCY_BOUNDS_MILLIS);
    }

    /** A table request answered with an error: counted under its code ({@code poker_requests_refused_total{code=...}}). */
    public void requestRefused(Enum<?> code) {
        metrics.counter(REFUSED, REFUSED_HELP, "code", code.name()).increment();
    }

    /** Metrics that count nothing anyone reads: for tests and tools that build tables without a server. */
    public static GameMetrics unregistered() {
        return new GameMetrics(new Metrics());
    }
}
