package io.chipledger.server.attack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Asks {@code GET /health} every 200 ms on a new connection, from an address no attack uses, and keeps the slowest
 * answer (a missing answer counts as 10 s) and how many were not 200.
 */
final class HealthProbe implements AutoCloseable {

    private final int port;
    private final AtomicLong slowestNanos = new AtomicLong();
    private final AtomicInteger probes = new AtomicInteger();
    private final AtomicInteger notOk = new AtomicInteger();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String phase = "start";
    private volatile String slowestPhase = "";

    HealthProbe(int port) {
        this.port = port;
        this.thread = new Thread(this::run, "health-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            long start = System.nanoTime();
            boolean ok;
            try (Socket socket = new Socket()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
                socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] head = socket.getInputStream().readNBytes(12);
                ok = new String(head, StandardCharsets.US_ASCII).equals("HTTP/1.1 200");
            } catch (IOException failed) {
                ok = false;
            }
            long took = Math.max(System.nanoTime() - start, ok ? 0 : 10_000_000_000L);
            if (took > slowestNanos.get()) {
                slowestPhase = phase;
            }
            slowestNanos.accumulateAndGet(took, Math::max);
            probes.incrementAndGet();
            if (!ok) {
                notOk.incrementAndGet();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Names what the attack does now, so the slowest answer can be told apart by phase. */
    void phase(String name) {
        phase = name;
    }

    String report() {
        double slowest = slowestNanos.get() / 1e9;
        return String.format("/health: %d probes, %d not 200, slowest %.3f s (during %s): %s", probes.get(), notOk.get(),
                slowest, slowestPhase,
                notOk.get() == 0 && slowest < 1.0 ? "stayed under a second" : "NOT under a second");
    }

    boolean stayedUnderASecond() {
        return notOk.get() == 0 && slowestNanos.get() < 1_000_000_000L;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
