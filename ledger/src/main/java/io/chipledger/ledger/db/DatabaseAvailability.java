package io.chipledger.ledger.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers, told to whoever subscribes: a probe on a connection of its own (never the pool's, so
 * a pool waiting on a dead server cannot hide it) runs {@code SELECT 1} every interval with short timeouts, and each
 * change between available and lost is announced once, in order, on the probe's thread. Readiness, the tables'
 * pause and a failover (another primary behind the same url) all hang off the same two events.
 */
public final class DatabaseAvailability implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

    /** Told when the database goes away and when it is back; called on the probe's thread, so return quickly. */
    public interface Listener {
        void databaseLost(String reason);

        void databaseBack();
    }

    /** What the last probe found. {@code since} is when it last changed. */
    public record State(boolean available, Instant since, String reason) {
    }

    private final String url;
    private final Properties credentials;
    private final Duration interval;
    private final Clock clock;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService prober;
    private volatile State state;
    private Connection probe;
    /** What the probe found last (null: it answered), and why commits count as stuck (null: they do not); probe thread. */
    private String probeFailure;
    private String commitsStuck;

    private DatabaseAvailability(String url, String user, String password, Duration interval, Clock clock) {
        this.url = url;
        this.credentials = new Properties();
        if (user != null) {
            credentials.setProperty("user", user);
        }
        if (password != null) {
            credentials.setProperty("password", password);
        }
        // A lost server is noticed within seconds, whether it refuses connections or stops answering on one.
        long seconds = Math.max(1, interval.multipliedBy(3).toSeconds());
        credentials.setProperty("connectTimeout", String.valueOf(seconds));
        credentials.setProperty("socketTimeout", String.valueOf(seconds));
        credentials.setProperty("loginTimeout", String.valueOf(seconds));
        credentials.setProperty("ApplicationName", "chipledger-availability");
        this.interval = interval;
        this.clock = clock;
        this.state = new State(true, clock.instant(), null);
        this.prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "database-availability");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Watches the database {@code database} connects to, probing every {@code interval}. */
    public static DatabaseAvailability watch(Database database, Duration interval) {
        return watch(database.jdbcUrl(), database.user(), database.password(), interval, Clock.systemUTC());
    }

    public static DatabaseAvailability watch(String url, String user, String password, Duration interval, Clock clock) {
        DatabaseAvailability availability = new DatabaseAvailability(url, user, password, interval, clock);
        availability.prober.scheduleWithFixedDelay(availability::probeOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return availability;
    }

    /**
     * Also counts the database as lost while a commit in {@code commits} has waited longer than {@code threshold}
     * (looked at several times a threshold), and as back once none has: a primary left without its synchronous
     * standby answers {@code SELECT 1} but never finishes a COMMIT. Nothing is cancelled; the commit waits on.
     */
    public DatabaseAvailability watchCommits(CommitWatch commits, Duration threshold) {
        long every = Math.max(50, Math.min(250, threshold.toMillis() / 4));
        prober.scheduleWithFixedDelay(() -> lookAtCommits(commits, threshold), every, every, TimeUnit.MILLISECONDS);
        return this;
    }

    private void lookAtCommits(CommitWatch commits, Duration threshold) {
        try {
            Duration waited = commits.longestWait();
            commitsStuck = waited.compareTo(threshold) > 0 ? "a commit has waited " + waited.toMillis()
                    + " ms for the database (a synchronous standby missing?)" : null;
            announce();
        } catch (RuntimeException e) {
            log.error("could not look at the commits in flight", e);
        }
    }

    /** Subscribes; the listener is told of changes from now on (ask {@link #state()} for the present). */
    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    public State state() {
        return state;
    }

    public boolean available() {
        return state.available();
    }

    /** Probes now rather than at the next interval: a caller just saw the database fail. */
    public void suspect() {
        prober.execute(this::probeOnce);
    }

    private void probeOnce() {
        try {
            if (probe == null || probe.isClosed()) {
                probe = DriverManager.getConnection(url, credentials);
            }
            try (Statement select = probe.createStatement()) {
                select.setQueryTimeout((int) Math.max(1, interval.multipliedBy(3).toSeconds()));
                select.execute("SELECT 1");
            }
            probeFailure = null;
        } catch (SQLException | RuntimeException failure) {
            closeProbe();
            probeFailure = failure.getMessage() == null ? failure.toString() : failure.getMessage();
        }
        announce();
    }

    /** The database is available while the probe answers and no commit is stuck; a change is told once. */
    private void announce() {
        String reason = probeFailure != null ? probeFailure : commitsStuck;
        boolean available = reason == null;
        if (state.available() == available) {
            return;
        }
        state = new State(available, clock.instant(), reason);
        if (available) {
            log.warn("the database is back");
        } else {
            log.error("the database is unavailable: {}", reason);
        }
        for (Listener listener : listeners) {
            try {
                if (available) {
                    listener.databaseBack();
                } else {
                    listener.databaseLost(reason);
                }
            } catch (RuntimeException e) {
                log.error("a database availability listener failed", e);
            }
        }
    }

    private void closeProbe() {
        if (probe != null) {
            try {
                probe.close();
            } catch (SQLException ignored) {
                // it is broken already
            }
            probe = null;
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
        try {
            prober.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeProbe();
    }
}
