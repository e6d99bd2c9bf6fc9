package io.chipledger.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.protocol.ClientMessage;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames written as ready bytes, read by real clients over loopback: every connection is sent, in one burst, text of
 * each length form (7-bit up to 125, 16-bit up to 65,535, 64-bit beyond), then a close.
 */
class TextFrameHeaderTest {

    private static final List<Integer> SIZES = List.of(0, 125, 126, 65_535, 65_536, 200_000);
    private static final String GOODBYE = "that was all";
    private static final ExecutorService loader = Executors.newSingleThreadExecutor();
    private static PokerHttpServer server;

    @BeforeAll
    static void start() throws Exception {
        NetConfig config = new NetConfig(Set.of(), 1024, 120, 1, 5, null, null);
        server = PokerHttpServer.start("127.0.0.1", 0, new HttpRoutes(new StaticFiles("web", loader)),
                new BurstOnOpen(), config);
    }

    @AfterAll
    static void stop() {
        server.close();
        loader.shutdown();
    }

    @Test
    void aBrowserLikeClientReadsEveryLengthFormInOrderAndThenTheClose() throws Exception {
        Recorder recorder = new Recorder();
        HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"), recorder).join();

        for (int i = 0; i < SIZES.size(); i++) {
            assertThat(recorder.next()).isEqualTo(new String(payload(i), StandardCharsets.UTF_8));
        }
        assertThat(recorder.next()).isEqualTo("close 1008 " + GOODBYE);
    }

    @Test
    void overTlsTheBurstArrivesAsWell(@TempDir Path dir) throws Exception {
        KeyStore keys = selfSigned(dir);
        Path certificate = pem(dir.resolve("cert.pem"), "CERTIFICATE", keys.getCertificate("server").getEncoded());
        Path privateKey = pem(dir.resolve("key.pem"), "PRIVATE KEY", keys.getKey("server", PASSWORD).getEncoded());
        NetConfig tls = new NetConfig(Set.of(), 1024, 120, 1, 5, certificate, privateKey);
        try (PokerHttpServer secure = PokerHttpServer.start("127.0.0.1", 0, new HttpRoutes(new StaticFiles("web", loader)),
                new BurstOnOpen(), tls)) {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(keys);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            Recorder recorder = new Recorder();
            HttpClient.newBuilder().sslContext(context).build().newWebSocketBuilder()
                    .buildAsync(URI.create("wss://127.0.0.1:" + secure.port() + "/ws"), recorder).join();

            for (int i = 0; i < SIZES.size(); i++) {
                assertThat(recorder.next()).isEqualTo(new String(payload(i), StandardCharsets.UTF_8));
            }
            assertThat(recorder.next()).isEqualTo("close 1008 " + GOODBYE);
        }
    }

    @Test
    void theBytesOnTheWireAreExactlyRfc6455FramesAndNoOfferedExtensionIsTaken() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            send(socket, "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n");
            DataInputStream in = new DataInputStream(socket.getInputStream());
            String response = headersOf(in);
            assertThat(response).startsWith("HTTP/1.1 101");
            assertThat(response.toLowerCase(Locale.ROOT)).doesNotContain("sec-websocket-extensions");

            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int i = 0; i < SIZES.size(); i++) {
                expected.write(rfc6455Text(payload(i)));
            }
            byte[] reason = GOODBYE.getBytes(StandardCharsets.UTF_8);
            expected.write(new byte[] {(byte) 0x88, (byte) (2 + reason.length), 0x03, (byte) 0xF0}); // 1008
            expected.write(reason);

            byte[] received = new byte[expected.size()];
            in.readFully(received);
            assertThat(Arrays.equals(received, expected.toByteArray())).as("the frames' exact bytes").isTrue();
        }
    }

    @Test
    void aHixie76ClientGetsItsOwnFraming() throws Exception {
        // Netty takes an upgrade without Sec-WebSocket-Version as Hixie-76 (keys and challenge from its draft's example).
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            send(socket, "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key2: 12998 5 Y3 1  .P00\r\nUpgrade: WebSocket\r\n"
                    + "Sec-WebSocket-Key1: 4 @1  46546xW%0l 1 5\r\nOrigin: http://127.0.0.1:" + server.port()
                    + "\r\n\r\n^n:ds[4U");
            DataInputStream in = new DataInputStream(socket.getInputStream());
            assertThat(headersOf(in)).startsWith("HTTP/1.1 101");
            byte[] challenge = new byte[16];
            in.readFully(challenge);
            assertThat(new String(challenge, StandardCharsets.US_ASCII)).isEqualTo("8jKS'y:G*Co,Wxa-");

            for (int i = 0; i < SIZES.size(); i++) {
                byte[] payload = payload(i);
                byte[] framed = new byte[payload.length + 2];
                in.readFully(framed);
                assertThat(framed[0]).isEqualTo((byte) 0x00);
                assertThat(Arrays.copyOfRange(framed, 1, framed.length - 1)).isEqualTo(payload);
                assertThat(framed[framed.length - 1]).isEqualTo((byte) 0xFF);
            }
            assertThat(new byte[] {in.readByte(), in.readByte()}).as("Hixie-76's close").isEqualTo(new byte[] {(byte) 0xFF, 0x00});
        }
    }

    private static final char[] PASSWORD = "changeit".toCharArray();

    /** A key pair and a certificate for 127.0.0.1, made by the JDK's keytool. */
    private static KeyStore selfSigned(Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor()).as("keytool: " + output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        return keys;
    }

    private static Path pem(Path file, String type, byte[] der) throws IOException {
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n");
    }

    /** Each size's text, a letter of its own so that order shows. */
    private static byte[] payload(int index) {
        byte[] text = new byte[SIZES.get(index)];
        Arrays.fill(text, (byte) ('a' + index));
        return text;
    }

    private static byte[] rfc6455Text(byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        int n = payload.length;
        if (n <= 125) {
            frame.write(n);
        } else if (n <= 0xFFFF) {
            frame.write(126);
            frame.write(n >>> 8);
            frame.write(n);
        } else {
            frame.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) n >>> shift));
            }
        }
        frame.writeBytes(payload);
        return frame.toByteArray();
    }

    private static void send(Socket socket, String request) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String headersOf(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        while (!headers.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("the upgrade's answer ended early: " + headers).isNotNegative();
            headers.write(b);
        }
        return headers.toString(StandardCharsets.ISO_8859_1);
    }

    /** Sends every connection the six texts and then a close, all from the event loop, so they drain as one burst. */
    private static final class BurstOnOpen implements ClientGateway {
        @Override
        public void opened(ClientConnection connection) {
            for (int i = 0; i < SIZES.size(); i++) {
                connection.send(EncodedMessage.ofUtf8(payload(i)));
            }
            connection.close(GOODBYE);
        }

        @Override
        public void received(ClientConnection connection, ClientMessage message) {
        }

        @Override
        public void closed(ClientConnection connection) {
        }
    }

    /** Java's WebSocket client: whole texts and the close, in the order they arrived. */
    private static final class Recorder implements WebSocket.Listener {
        private final BlockingQueue<String> arrived = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                arrived.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            arrived.add("close " + status + " " + reason);
            return null;
        }

        String next() throws InterruptedException {
            String next = arrived.poll(10, TimeUnit.SECONDS);
            assertThat(next).as("a message within 10 s").isNotNull();
            return next;
        }
    }
}
