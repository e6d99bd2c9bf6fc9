package io.chipledger.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The server's meters, on Micrometer with the Prometheus registry: counters, gauges and latency histograms under the
 * names operators already scrape ({@code poker_hands_settled_total}, ...), optionally labelled, plus the JVM's own
 * (memory, GC pauses, threads, classes, CPU) once {@link #bindJvm()} is called. Updating a meter never blocks.
 */
public final class Metrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private JvmGcMetrics gc;

    /** A monotonically increasing count; {@code tags} are label name and value pairs. */
    public Counter counter(String name, String help, String... tags) {
        return new Counter(io.micrometer.core.instrument.Counter.builder(name).description(help).tags(tags).register(registry));
    }

    /** A value read when scraped (connections open, tables running). */
    public void gauge(String name, String help, LongSupplier value) {
        Gauge.builder(name, value, v -> v.getAsLong()).description(help).strongReference(true).register(registry);
    }

    /**
     * Durations, exported in seconds ({@code name} ends in {@code _seconds}) with cumulative buckets whose upper
     * bounds are given in milliseconds.
     */
    public Histogram histogram(String name, String help, double... boundsMillis) {
        for (int i = 1; i < boundsMillis.length; i++) {
            if (boundsMillis[i] <= boundsMillis[i - 1]) {
                throw new IllegalArgumentException("bucket bounds must increase");
            }
        }
        Duration[] bounds = Arrays.stream(boundsMillis).mapToObj(ms -> Duration.ofNanos((long) (ms * 1_000_000)))
                .toArray(Duration[]::new);
        String base = name.endsWith("_seconds") ? name.substring(0, name.length() - "_seconds".length()) : name;
        return new Histogram(Timer.builder(base).description(help).serviceLevelObjectives(bounds).register(registry));
    }

    /** The JVM's figures: heap and non-heap pools, GC pauses, threads by state, classes loaded, CPU, uptime. */
    public Metrics bindJvm() {
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return this;
    }

    /** For binders of other libraries (HikariCP's pool, Netty's allocator and event loops). */
    public MeterRegistry registry() {
        return registry;
    }

    /** Everything, in the Prometheus text format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }

    /** A count, as the table actors update it. */
    public static final class Counter {
        private final io.micrometer.core.instrument.Counter counter;

        private Counter(io.micrometer.core.instrument.Counter counter) {
            this.counter = counter;
        }

        public void increment() {
            counter.increment();
        }

        public long value() {
            return (long) counter.count();
        }
    }

    /** A latency histogram, fed in nanoseconds. */
    public static final class Histogram {
        private final Timer timer;

        private Histogram(Timer timer) {
            this.timer = timer;
        }

        public void recordNanos(long nanos) {
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }

        public long count() {
            return timer.count();
        }

        /** What was recorded so far: how many, their total, and how many fell at or below each bucket's bound. */
        public Totals totals() {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            CountAtBucket[] buckets = snapshot.histogramCounts();
            double[] boundsMillis = new double[buckets.length];
            long[] atOrBelow = new long[buckets.length];
            for (int i = 0; i < buckets.length; i++) {
                boundsMillis[i] = buckets[i].bucket(TimeUnit.MILLISECONDS);
                atOrBelow[i] = (long) buckets[i].count();
            }
            return new Totals(snapshot.count(), (long) snapshot.total(TimeUnit.NANOSECONDS), boundsMillis, atOrBelow);
        }
    }

    /** A histogram's totals: {@code atOrBelow[i]} durations were at most {@code boundsMillis[i]} (cumulative). */
    public record Totals(long count, long totalNanos, double[] boundsMillis, long[] atOrBelow) {
    }
}
