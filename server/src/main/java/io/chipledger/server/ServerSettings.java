package io.chipledger.server;

import io.chipledger.money.Money;
import io.chipledger.server.account.PasswordHasher;
import io.chipledger.server.api.LoginLimits;
import io.chipledger.server.cluster.NodeIdentity;
import io.chipledger.server.cluster.NodeSettings;
import io.chipledger.server.metrics.MetricsAccess;
import io.chipledger.server.net.NetConfig;
import io.chipledger.server.table.SeatTimeouts;
import java.time.Duration;

/**
 * How a {@link GameServer} runs: where it listens, the network limits, the play money a new player receives, the
 * pause between hands, and whether to open a few tables on an empty database so a new user has somewhere to sit.
 * {@code node} is null for a server alone on its database; else the game node it is among others sharing one.
 */
public record ServerSettings(String host, int port, NetConfig net, Money welcomeGrant, Duration pauseBetweenHands,
                             boolean createDefaultTables, int passwordIterations, int workerThreads,
                             SeatTimeouts seatTimeouts, LoginLimits logins, MetricsAccess metricsAccess,
                             NodeSettings node, Duration commitStall) {

    /**
     * How long a ledger commit may wait before the database counts as lost (tables pause, readiness 503) until
     * commits go through again: a primary whose synchronous standbys are all gone answers queries but never finishes
     * a COMMIT. The commit itself is never cancelled.
     */
    public static final Duration DEFAULT_COMMIT_STALL = Duration.ofSeconds(5);

    public ServerSettings {
        if (commitStall == null || commitStall.isNegative() || commitStall.isZero()) {
            throw new IllegalArgumentException("commitStall must be positive, was " + commitStall);
        }
    }

    /** Settings whose commits count as stuck after {@link #DEFAULT_COMMIT_STALL}. */
    public ServerSettings(String host, int port, NetConfig net, Money welcomeGrant, Duration pauseBetweenHands,
                          boolean createDefaultTables, int passwordIterations, int workerThreads,
                          SeatTimeouts seatTimeouts, LoginLimits logins, MetricsAccess metricsAccess, NodeSettings node) {
        this(host, port, net, welcomeGrant, pauseBetweenHands, createDefaultTables, passwordIterations, workerThreads,
                seatTimeouts, logins, metricsAccess, node, DEFAULT_COMMIT_STALL);
    }

    /** Settings with the default login limits and {@code /metrics} open on the main port. */
    public ServerSettings(String host, int port, NetConfig net, Money welcomeGrant, Duration pauseBetweenHands,
                          boolean createDefaultTables, int passwordIterations, int workerThreads, SeatTimeouts seatTimeouts) {
        this(host, port, net, welcomeGrant, pauseBetweenHands, createDefaultTables, passwordIterations, workerThreads,
                seatTimeouts, LoginLimits.defaults(), MetricsAccess.open(), null);
    }

    public ServerSettings withLogins(LoginLimits limits) {
        return new ServerSettings(host, port, net, welcomeGrant, pauseBetweenHands, createDefaultTables,
                passwordIterations, workerThreads, seatTimeouts, limits, metricsAccess, node, commitStall);
    }

    public ServerSettings withMetricsAccess(MetricsAccess access) {
        return new ServerSettings(host, port, net, welcomeGrant, pauseBetweenHands, createDefaultTables,
                passwordIterations, workerThreads, seatTimeouts, logins, access, node, commitStall);
    }

    public ServerSettings withNet(NetConfig config) {
        return new ServerSettings(host, port, config, welcomeGrant, pauseBetweenHands, createDefaultTables,
                passwordIterations, workerThreads, seatTimeouts, logins, metricsAccess, node, commitStall);
    }

    /** As one game node of several sharing the database ({@code serve --node NAME --advertise URL}). */
    public ServerSettings withNode(NodeIdentity identity) {
        return withNode(new NodeSettings(identity, NodeSettings.DEFAULT_LEASE));
    }

    /** As {@link #withNode(NodeIdentity)}, with table leases of this time to live. */
    public ServerSettings withNode(NodeSettings nodeSettings) {
        return new ServerSettings(host, port, net, welcomeGrant, pauseBetweenHands, createDefaultTables,
                passwordIterations, workerThreads, seatTimeouts, logins, metricsAccess, nodeSettings, commitStall);
    }

    /** A ledger commit that waited longer than {@code stall} counts as the database being lost. */
    public ServerSettings withCommitStall(Duration stall) {
        return new ServerSettings(host, port, net, welcomeGrant, pauseBetweenHands, createDefaultTables,
                passwordIterations, workerThreads, seatTimeouts, logins, metricsAccess, node, stall);
    }

    public static ServerSettings defaults() {
        return new ServerSettings("0.0.0.0", 8080, NetConfig.defaults(), Money.parse("1000.00"), Duration.ofSeconds(2),
                true, PasswordHasher.DEFAULT_ITERATIONS, 16, SeatTimeouts.defaults());
    }

    public ServerSettings withPort(String newHost, int newPort) {
        return new ServerSettings(newHost, newPort, net, welcomeGrant, pauseBetweenHands, createDefaultTables,
                passwordIterations, workerThreads, seatTimeouts, logins, metricsAccess, node, commitStall);
    }

    public ServerSettings withPauseBetweenHands(Duration pause) {
        return new ServerSettings(host, port, net, welcomeGrant, pause, createDefaultTables,
                passwordIterations, workerThreads, seatTimeouts, logins, metricsAccess, node, commitStall);
    }

    public ServerSettings withSeatTimeouts(SeatTimeouts timeouts) {
        return new ServerSettings(host, port, net, welcomeGrant, pauseBetweenHands, createDefaultTables,
                passwordIterations, workerThreads, timeouts, logins, metricsAccess, node, commitStall);
    }

    /** Settings for tests: loopback, a free port, the minimum KDF cost, no pause between hands, no default tables. */
    public static ServerSettings forTests() {
        return new ServerSettings("127.0.0.1", 0, NetConfig.defaults(), Money.parse("1000.00"), Duration.ZERO, false,
                PasswordHasher.MIN_ITERATIONS, 8, SeatTimeouts.defaults());
    }
}
