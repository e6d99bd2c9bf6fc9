package io.chipledger.server.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The last hour of the server's own figures, sampled every ten seconds, for the admin dashboard's pictures: hands
 * settled a minute, players online, ledger postings committed a second, and the tables' commit latency (mean and 99th
 * percentile, read from the histogram's buckets). Kept in memory only: a restart starts the hour again.
 */
public final class FigureHistory {

    public static final Duration INTERVAL = Duration.ofSeconds(10);
    public static final int SAMPLES = (int) (Duration.ofHours(1).toSeconds() / INTERVAL.toSeconds());

    /** Where the figures come from: counters that only grow, and what is true now. */
    public record Sources(LongSupplier handsSettled, LongSupplier playersOnline, LongSupplier ledgerPostings,
                          Metrics.Histogram commitLatency) {
    }

    /**
     * One interval's figures, ending at {@code at}. A latency is null when nothing was committed in the interval;
     * {@code commitP99Millis} is the bound of the bucket the 99th percentile fell in (null beyond the last bound).
     */
    public record Sample(Instant at, double handsPerMinute, long playersOnline, double commitsPerSecond,
                         Double commitMeanMillis, Double commitP99Millis) {
    }

    private record Reading(Instant at, long hands, long postings, Metrics.Totals latency) {
    }

    private final Sources sources;
    private final Clock clock;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private Reading last;

    public FigureHistory(Sources sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
        this.last = read();
    }

    /** Samples every {@link #INTERVAL} on {@code scheduler} until it shuts down. */
    public void start(ScheduledExecutorService scheduler) {
        scheduler.scheduleAtFixedRate(this::sample, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Takes a sample now: the figures since the previous one. */
    public synchronized void sample() {
        Reading now = read();
        double seconds = Math.max(0.001, Duration.between(last.at(), now.at()).toMillis() / 1000.0);
        long commits = now.latency().count() - last.latency().count();
        Double mean = commits == 0 ? null : (now.latency().totalNanos() - last.latency().totalNanos()) / 1e6 / commits;
        samples.addLast(new Sample(now.at(), (now.hands() - last.hands()) * 60 / seconds, sources.playersOnline().getAsLong(),
                (now.postings() - last.postings()) / seconds, mean, commits == 0 ? null : p99(last.latency(), now.latency(), commits)));
        while (samples.size() > SAMPLES) {
            samples.removeFirst();
        }
        last = now;
    }

    /** The last hour's samples, oldest first. */
    public synchronized List<Sample> samples() {
        return new ArrayList<>(samples);
    }

    private Reading read() {
        return new Reading(clock.instant(), sources.handsSettled().getAsLong(), sources.ledgerPostings().getAsLong(),
                sources.commitLatency().totals());
    }

    /** The smallest bucket bound below which 99% of the interval's commits fell. */
    private static Double p99(Metrics.Totals before, Metrics.Totals after, long commits) {
        long needed = (long) Math.ceil(commits * 0.99);
        for (int i = 0; i < after.boundsMillis().length && i < before.atOrBelow().length; i++) {
            if (after.atOrBelow()[i] - before.atOrBelow()[i] >= needed) {
                return after.boundsMillis()[i];
            }
        }
        return null;
    }
}
