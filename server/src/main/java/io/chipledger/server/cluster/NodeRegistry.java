package io.chipledger.server.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The game nodes sharing the database: a node registers when it starts, heartbeats every {@link #HEARTBEAT} (on the
 * worker, so a database that hangs never holds up a table's timers) with its state, and says STOPPED when it leaves.
 * Anyone may list them; a node silent for {@link #SILENT_AFTER} is listed SILENT.
 */
public final class NodeRegistry {

    private static final Logger log = LoggerFactory.getLogger(NodeRegistry.class);
    public static final Duration HEARTBEAT = Duration.ofSeconds(2);
    public static final Duration SILENT_AFTER = Duration.ofSeconds(10);

    private final SqlSessionFactory database;
    private final AtomicReference<NodeState> state = new AtomicReference<>(NodeState.RUNNING);
    private volatile ScheduledFuture<?> beating;
    private volatile Runnable onDrainRequested = () -> { };
    /** The nodes' origins as a page's content security policy names them, as of the last heartbeat. */
    private volatile String pageSources = "";

    public NodeRegistry(SqlSessionFactory database) {
        this.database = database;
        if (!database.getConfiguration().hasMapper(NodeMapper.class)) {
            database.getConfiguration().addMapper(NodeMapper.class);
        }
    }

    /** Registers {@code node} (a restart under its name takes its row over) and heartbeats until {@link #leave}. */
    public void join(NodeIdentity node, ScheduledExecutorService scheduler, Executor worker) {
        inSession(m -> {
            m.register(node.name(), node.url());
            return null;
        });
        pageSources = pageSources(all());
        beating = scheduler.scheduleWithFixedDelay(() -> worker.execute(() -> beat(node)), HEARTBEAT.toMillis(),
                HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What to run when a heartbeat finds that an operator asked this node to drain (once). */
    public void onDrainRequested(Runnable drain) {
        this.onDrainRequested = drain;
    }

    /** Asks {@code node} to drain at its next heartbeat; false when there is no such node running. */
    public boolean requestDrain(String node) {
        return inSession(m -> m.requestDrain(node)) == 1;
    }

    /** From the next heartbeat on, the node says it is draining (or running again). */
    public void state(NodeState now) {
        state.set(now);
    }

    /** Stops heartbeating and says the node left; best effort, the database may be gone. */
    public void leave(NodeIdentity node) {
        ScheduledFuture<?> running = beating;
        if (running != null) {
            running.cancel(false);
        }
        try {
            inSession(m -> m.heartbeat(node.name(), NodeState.STOPPED.name()));
        } catch (RuntimeException databaseGone) {
            log.warn("could not record node {} as stopped: {}", node.name(), databaseGone.toString());
        }
    }

    public List<GameNode> all() {
        return inSession(m -> m.all(SILENT_AFTER.toMillis()));
    }

    /** Where players reach the node, unless it stopped. */
    public Optional<String> urlOf(String node) {
        return Optional.ofNullable(inSession(m -> m.urlOf(node)));
    }

    private void beat(NodeIdentity node) {
        try {
            String stored = inSession(m -> m.heartbeat(node.name(), state.get().name()));
            pageSources = pageSources(all());
            if (NodeState.DRAINING.name().equals(stored) && state.compareAndSet(NodeState.RUNNING, NodeState.DRAINING)) {
                log.warn("an operator asked node {} to drain", node.name());
                onDrainRequested.run();
            }
        } catch (RuntimeException databaseGone) {
            log.debug("heartbeat of {} not recorded: {}", node.name(), databaseGone.toString());
        }
    }

    /**
     * Where a page served here may connect besides its own server: every node not stopped, as its http(s) and ws(s)
     * origins (space-separated), as of this node's last heartbeat; read without touching the database.
     */
    public String pageSources() {
        return pageSources;
    }

    static String pageSources(List<GameNode> nodes) {
        return nodes.stream().filter(n -> n.state() != NodeState.STOPPED && n.url() != null).map(n -> {
            URI url = URI.create(n.url());
            String socket = "https".equals(url.getScheme()) ? "wss" : "ws";
            return url.getScheme() + "://" + url.getRawAuthority() + " " + socket + "://" + url.getRawAuthority();
        }).distinct().collect(Collectors.joining(" "));
    }

    private <T> T inSession(Function<NodeMapper, T> statement) {
        try (SqlSession session = database.openSession(true)) {
            return statement.apply(session.getMapper(NodeMapper.class));
        }
    }
}
