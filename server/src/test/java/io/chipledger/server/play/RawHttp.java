package io.chipledger.server.play;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** HTTP spoken by hand over a plain socket, for what a well-behaved client library will not send. */
final class RawHttp {

    private RawHttp() {
    }

    /** Sends a WebSocket upgrade with this Origin and returns the status line of the answer. */
    static String upgrade(int port, String origin) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            send(socket, "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: " + origin + "\r\n\r\n");
            return statusLine(socket.getInputStream());
        }
    }

    /** A connection from a loopback address of one's choice (all of 127.0.0.0/8 reaches the server). */
    static Socket connectFrom(String localAddress, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        return socket;
    }

    /** GET {@code path} on a new connection from {@code localAddress}; the status line, or null when none came. */
    static String get(String localAddress, int port, String path) throws IOException {
        try (Socket socket = connectFrom(localAddress, port)) {
            socket.setSoTimeout(10_000);
            send(socket, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            return statusLine(socket.getInputStream());
        } catch (SocketTimeoutException silent) {
            return null;
        }
    }

    /** POSTs JSON on a new connection from {@code localAddress} and returns the whole answer, head and body. */
    static String post(String localAddress, int port, String path, String json) throws IOException {
        try (Socket socket = connectFrom(localAddress, port)) {
            socket.setSoTimeout(30_000);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            send(socket, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n" + json);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Whether the server closed the connection: a read sees the end of the stream (or a reset). */
    static boolean closedByServer(Socket socket) {
        try {
            socket.setSoTimeout(100);
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            line.append((char) c);
        }
        return line.toString().strip();
    }
}
