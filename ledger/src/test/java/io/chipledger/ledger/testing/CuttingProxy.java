package io.chipledger.ledger.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy in front of PostgreSQL that can cut one connection at a chosen moment, the way a network or a server
 * crash would: when the server's answer carries a marker (the answer is dropped, so the client never learns that the
 * server did the work), or when the client's request carries one (the request never reaches the server).
 */
public final class CuttingProxy implements AutoCloseable {

    /** Where to cut the next connection that shows the marker. */
    public enum Cut { DROP_REQUEST, DROP_ANSWER }

    private record Trap(Cut cut, byte[] marker) {
    }

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final AtomicReference<Trap> armed = new AtomicReference<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile int cuts;
    private volatile boolean down;

    public CuttingProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "cutting-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Cuts the first connection whose traffic in the {@code cut} direction shows {@code marker}; once. */
    public void arm(Cut cut, String marker) {
        armed.set(new Trap(cut, marker.getBytes(StandardCharsets.UTF_8)));
    }

    /** The database goes away, as when it stops: every connection is cut, and new ones are closed at once. */
    public void goDown() {
        down = true;
        sockets.forEach(CuttingProxy::closeQuietly);
        sockets.clear();
    }

    /** The database is back: connections reach it again. */
    public void comeBack() {
        down = false;
    }

    /** How many connections were cut so far. */
    public int cuts() {
        return cuts;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (down) {
                    client.close();
                    continue;
                }
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(server);
                pump(client, server, Cut.DROP_REQUEST);
                pump(server, client, Cut.DROP_ANSWER);
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Copies {@code from} to {@code to}; when the armed trap matches this direction, drops the chunk and cuts both. */
    private void pump(Socket from, Socket to, Cut direction) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    Trap trap = armed.get();
                    if (trap != null && trap.cut() == direction && contains(buffer, n, trap.marker())
                            && armed.compareAndSet(trap, null)) {
                        cuts++;
                        from.close();
                        to.close();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException closed) {
                // either side went away: the other pump ends too
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "cutting-proxy-" + direction);
        thread.setDaemon(true);
        thread.start();
    }

    private static boolean contains(byte[] buffer, int length, byte[] marker) {
        outer:
        for (int i = 0; i + marker.length <= length; i++) {
            for (int j = 0; j < marker.length; j++) {
                if (buffer[i + j] != marker[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closeQuietly(listener);
        sockets.forEach(CuttingProxy::closeQuietly);
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
