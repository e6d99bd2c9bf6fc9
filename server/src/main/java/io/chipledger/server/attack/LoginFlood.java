package io.chipledger.server.attack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Guesses a player's password as fast as a few threads can, from many addresses, and counts the answers by status;
 * then checks that the player can still log in from the address they registered from.
 */
final class LoginFlood {

    private final int port;
    private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    private int registered;
    private int victimAnswer;

    LoginFlood(int port) {
        this.port = port;
    }

    void run(String victim, String password, int attempts, int threads) throws InterruptedException {
        registered = post("127.0.0.3", "/api/register", victim, password);
        AtomicInteger next = new AtomicInteger();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                for (int i; (i = next.getAndIncrement()) < attempts; ) {
                    int status = post("127.0.2." + (1 + i % 250), "/api/login", victim, "guess-" + i);
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
            }, "login-flood-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        victimAnswer = post("127.0.0.3", "/api/login", victim, password);
    }

    private int post(String from, String path, String name, String password) {
        String json = "{\"name\":\"" + name + "\",\"password\":\"" + password + "\"}";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + json.length() + "\r\n\r\n" + json)
                    .getBytes(StandardCharsets.UTF_8));
            String head = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
        } catch (IOException | NumberFormatException failed) {
            return -1;
        }
    }

    String report() {
        return "login flood: answers by status " + new TreeMap<>(statuses) + "; the player logs in from their own address: "
                + (victimAnswer == 200 ? "yes" : "NO (registered " + registered + ", login " + victimAnswer + ")");
    }
}
