package io.chipledger.server.attack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks {@code GET /health} every 200 ms on a new connection, from an address no attack uses, and keeps every answer's
 * time by phase of the attack, split into connecting (the listening socket's accept queue: slow when the server does
 * not accept) and answering (the server's event loops and the health check itself), so a slow probe says where it
 * waited. A missing or wrong answer counts as 10 s.
 */
final class HealthProbe implements AutoCloseable {

    private static final long MISSING_NANOS = 10_000_000_000L;
    private static final long SECOND_NANOS = 1_000_000_000L;

    /** One probe: when it started (wall clock, to line up with GC logs), how long connecting and the whole took, and if it was 200. */
    record Sample(String phase, Instant at, long connectNanos, long totalNanos, boolean ok) {
    }

    private final int port;
    private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String phase = "start";

    HealthProbe(int port) {
        this.port = port;
        this.thread = new Thread(this::run, "health-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            samples.add(probeOnce());
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Sample probeOnce() {
        String during = phase;
        Instant at = Instant.now();
        long start = System.nanoTime();
        long connected = start;
        boolean ok;
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            connected = System.nanoTime();
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] head = socket.getInputStream().readNBytes(12);
            ok = new String(head, StandardCharsets.US_ASCII).equals("HTTP/1.1 200");
        } catch (IOException failed) {
            ok = false;
        }
        long end = System.nanoTime();
        return new Sample(during, at, connected - start, ok ? end - start : Math.max(end - start, MISSING_NANOS), ok);
    }

    /** Names what the attack does now, so the answers' times can be told apart by phase. */
    void phase(String name) {
        phase = name;
    }

    String report() {
        List<Sample> all = snapshot();
        StringBuilder out = new StringBuilder();
        long notOk = all.stream().filter(sample -> !sample.ok()).count();
        Sample slowest = all.stream().max(Comparator.comparingLong(Sample::totalNanos)).orElse(null);
        out.append(String.format("/health: %d probes, %d not 200, slowest %s: %s", all.size(), notOk,
                slowest == null ? "none" : String.format("%.3f s (during %s)", slowest.totalNanos() / 1e9, slowest.phase()),
                stayedUnderASecond() ? "stayed under a second" : "NOT under a second"));
        Map<String, List<Sample>> byPhase = new LinkedHashMap<>();
        all.forEach(sample -> byPhase.computeIfAbsent(sample.phase(), p -> new ArrayList<>()).add(sample));
        byPhase.forEach((name, samplesOfPhase) -> out.append(String.format("%n  during %s: %d probes, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                name, samplesOfPhase.size(), percentile(samplesOfPhase, 0.50) / 1e6, percentile(samplesOfPhase, 0.99) / 1e6,
                percentile(samplesOfPhase, 1.0) / 1e6)));
        all.stream().filter(sample -> sample.totalNanos() >= SECOND_NANOS).limit(20).forEach(sample -> out.append(String.format(
                "%n  slow: at %s during %s, %.3f s to connect, %.3f s to answer%s", sample.at(), sample.phase(),
                sample.connectNanos() / 1e9, (sample.totalNanos() - sample.connectNanos()) / 1e9, sample.ok() ? "" : " (no 200)")));
        return out.toString();
    }

    boolean stayedUnderASecond() {
        return snapshot().stream().allMatch(sample -> sample.ok() && sample.totalNanos() < SECOND_NANOS);
    }

    private List<Sample> snapshot() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    private static long percentile(List<Sample> samples, double fraction) {
        long[] sorted = samples.stream().mapToLong(Sample::totalNanos).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(fraction * sorted.length) - 1)];
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
