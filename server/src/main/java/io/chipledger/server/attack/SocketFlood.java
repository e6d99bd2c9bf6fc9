package io.chipledger.server.attack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens silent TCP connections, spread over 127.0.0.10 and up so no single address holds many, and holds them:
 * what an attacker does to exhaust a server's file descriptors. Counts how many the server closed meanwhile.
 */
final class SocketFlood implements AutoCloseable {

    private final List<Socket> sockets = new ArrayList<>();
    private int refused;

    SocketFlood(int port, int count) {
        for (int i = 0; i < count; i++) {
            Socket socket = new Socket();
            try {
                socket.bind(new InetSocketAddress(InetAddress.getByName("127.0." + (1 + i / 200) + "." + (10 + i % 200)), 0));
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                sockets.add(socket);
            } catch (IOException e) {
                refused++;
                closeQuietly(socket);
            }
        }
    }

    /** How many of the held sockets the server has closed (a read sees the end, or the connection was reset). */
    int closedByServer() {
        int closed = 0;
        for (Socket socket : sockets) {
            try {
                socket.setSoTimeout(1);
                if (socket.getInputStream().read() < 0) {
                    closed++;
                }
            } catch (java.net.SocketTimeoutException open) {
                // still open
            } catch (IOException reset) {
                closed++;
            }
        }
        return closed;
    }

    String report() {
        return String.format("idle flood: %d sockets opened, %d not even connected, %d closed by the server",
                sockets.size(), refused, closedByServer());
    }

    @Override
    public void close() {
        sockets.forEach(SocketFlood::closeQuietly);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // gone already
        }
    }
}
