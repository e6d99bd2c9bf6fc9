package io.chipledger.server.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * A small registry of counters, gauges and histograms, written out in the Prometheus text exposition format. Metrics
 * are registered at start-up (once, single-threaded) and updated from any thread afterwards.
 */
public final class Metrics {

    private final List<Metric> metrics = new ArrayList<>();

    /** A monotonically increasing count. */
    public Counter counter(String name, String help) {
        Counter counter = new Counter(name, help);
        register(counter);
        return counter;
    }

    /** A value read when scraped (connections open, tables running). */
    public void gauge(String name, String help, LongSupplier value) {
        register(new Gauge(name, help, value));
    }

    /** Durations in seconds, counted into cumulative buckets whose upper bounds are given in milliseconds. */
    public Histogram histogram(String name, String help, double... boundsMillis) {
        Histogram histogram = new Histogram(name, help, boundsMillis);
        register(histogram);
        return histogram;
    }

    private synchronized void register(Metric metric) {
        if (metrics.stream().anyMatch(m -> m.name().equals(metric.name()))) {
            throw new IllegalStateException("metric registered twice: " + metric.name());
        }
        metrics.add(metric);
    }

    /** Everything, in the Prometheus text format (version 0.0.4). */
    public synchronized String scrape() {
        StringBuilder text = new StringBuilder();
        for (Metric metric : metrics) {
            text.append("# HELP ").append(metric.name()).append(' ').append(metric.help()).append('\n');
            text.append("# TYPE ").append(metric.name()).append(' ').append(metric.type()).append('\n');
            metric.writeSamples(text);
        }
        return text.toString();
    }

    private interface Metric {
        String name();

        String help();

        String type();

        void writeSamples(StringBuilder text);
    }

    public static final class Counter implements Metric {
        private final String name;
        private final String help;
        private final LongAdder count = new LongAdder();

        private Counter(String name, String help) {
            this.name = name;
            this.help = help;
        }

        public void increment() {
            count.increment();
        }

        public long value() {
            return count.sum();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String help() {
            return help;
        }

        @Override
        public String type() {
            return "counter";
        }

        @Override
        public void writeSamples(StringBuilder text) {
            text.append(name).append(' ').append(count.sum()).append('\n');
        }
    }

    private record Gauge(String name, String help, LongSupplier value) implements Metric {
        @Override
        public String type() {
            return "gauge";
        }

        @Override
        public void writeSamples(StringBuilder text) {
            text.append(name).append(' ').append(value.getAsLong()).append('\n');
        }
    }

    public static final class Histogram implements Metric {
        private final String name;
        private final String help;
        private final long[] boundsNanos;
        private final String[] boundLabels;
        private final LongAdder[] buckets;
        private final LongAdder count = new LongAdder();
        private final LongAdder sumNanos = new LongAdder();

        private Histogram(String name, String help, double[] boundsMillis) {
            this.name = name;
            this.help = help;
            this.boundsNanos = new long[boundsMillis.length];
            this.boundLabels = new String[boundsMillis.length];
            this.buckets = new LongAdder[boundsMillis.length];
            for (int i = 0; i < boundsMillis.length; i++) {
                if (i > 0 && boundsMillis[i] <= boundsMillis[i - 1]) {
                    throw new IllegalArgumentException("bucket bounds must increase");
                }
                boundsNanos[i] = (long) (boundsMillis[i] * 1_000_000);
                boundLabels[i] = seconds(boundsNanos[i]);
                buckets[i] = new LongAdder();
            }
        }

        public void recordNanos(long nanos) {
            for (int i = 0; i < boundsNanos.length; i++) {
                if (nanos <= boundsNanos[i]) {
                    buckets[i].increment();
                    break;
                }
            }
            count.increment();
            sumNanos.add(nanos);
        }

        public long count() {
            return count.sum();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String help() {
            return help;
        }

        @Override
        public String type() {
            return "histogram";
        }

        @Override
        public void writeSamples(StringBuilder text) {
            long cumulative = 0;
            for (int i = 0; i < buckets.length; i++) {
                cumulative += buckets[i].sum();
                text.append(name).append("_bucket{le=\"").append(boundLabels[i]).append("\"} ").append(cumulative).append('\n');
            }
            long total = count.sum();
            text.append(name).append("_bucket{le=\"+Inf\"} ").append(Math.max(total, cumulative)).append('\n');
            text.append(name).append("_sum ").append(seconds(sumNanos.sum())).append('\n');
            text.append(name).append("_count ").append(total).append('\n');
        }

        private static String seconds(long nanos) {
            return String.format(Locale.ROOT, "%.6f", nanos / 1e9);
        }
    }
}
