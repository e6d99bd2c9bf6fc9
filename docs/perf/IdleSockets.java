import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens COUNT WebSockets to a running server, each authenticated (hello answered by welcome) as one of PLAYERS
 * players, and holds them idle for HOLD seconds, pinging every 30 s so the server's idle rule does not close them.
 * Prints "holding N" once all are open. JDK only, run as a source file:
 * {@code java docs/perf/IdleSockets.java PORT COUNT PLAYERS HOLD}. docs/heap-per-connection.sh measures around it.
 */
public class IdleSockets {

    private static final int BATCH = 200;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        int players = Integer.parseInt(args[2]);
        long holdMillis = Long.parseLong(args[3]) * 1000;
        List<String> tokens = new ArrayList<>();
        String prefix = "idle" + Long.toString(System.nanoTime() % 1_000_000, 36);
        for (int p = 0; p < players; p++) {
            tokens.add(register(port, prefix + "-" + p));
        }
        List<Socket> sockets = new ArrayList<>();
        for (int from = 0; from < count; from += BATCH) {
            List<Socket> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + BATCH); i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                socket.setSoTimeout(60_000);
                socket.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                        + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                        + "Origin: http://127.0.0.1:" + port + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                batch.add(socket);
            }
            for (Socket socket : batch) {
                String head = readHead(socket.getInputStream());
                if (!head.startsWith("HTTP/1.1 101")) {
                    throw new IOException("upgrade refused: " + head);
                }
            }
            for (int i = 0; i < batch.size(); i++) {
                String token = tokens.get((from + i) % players);
                sendText(batch.get(i), "{\"type\":\"hello\",\"requestId\":\"h\",\"protocolVersion\":1,\"token\":\"" + token + "\"}");
            }
            for (Socket socket : batch) {
                String reply = readText(socket.getInputStream());
                if (!reply.contains("\"welcome\"")) {
                    throw new IOException("hello refused: " + reply);
                }
            }
            sockets.addAll(batch);
        }
        System.out.println("holding " + sockets.size());
        long end = System.currentTimeMillis() + holdMillis;
        while (System.currentTimeMillis() < end) {
            Thread.sleep(Math.min(30_000, Math.max(1, end - System.currentTimeMillis())));
            for (Socket socket : sockets) {
                InputStream in = socket.getInputStream();
                in.skip(in.available()); // the last round's pongs
                sendText(socket, "{\"type\":\"ping\",\"requestId\":\"p\"}");
            }
        }
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private static String register(int port, String name) throws IOException, InterruptedException {
        String body = "{\"name\":\"" + name + "\",\"password\":\"idle-sockets-password\"}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() / 100 != 2 || !token.find()) {
            throw new IOException("could not register " + name + ": " + response.statusCode() + " " + response.body());
        }
        return token.group(1);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the upgrade");
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** One unfragmented text frame from the server (unmasked). */
    private static String readText(InputStream in) throws IOException {
        int first = in.read();
        int second = in.read();
        if (first < 0 || second < 0) {
            throw new IOException("closed before the welcome");
        }
        long length = second & 0x7f;
        if (length == 126) {
            length = (in.read() << 8) | in.read();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | in.read();
            }
        }
        return new String(in.readNBytes((int) length), StandardCharsets.UTF_8);
    }

    /** One masked text frame, as a client must send it (a zero mask: masking is for proxies, not secrecy). */
    private static void sendText(Socket socket, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        }
        frame.write(new byte[4]);
        frame.write(payload);
        OutputStream out = socket.getOutputStream();
        out.write(frame.toByteArray());
        out.flush();
    }
}
