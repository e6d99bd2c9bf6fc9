package io.chipledger.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PokerHttpServerTest {

    private static final ExecutorService loader = Executors.newSingleThreadExecutor();
    private static PokerHttpServer server;
    private static final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        HttpRoutes routes = new HttpRoutes(new StaticFiles("web", loader));
        new HealthEndpoint(() -> null).addTo(routes);
        server = PokerHttpServer.start("127.0.0.1", 0, routes, new EchoGateway(), NetConfig.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
        loader.shutdown();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAnswersOkAsJson() throws Exception {
        HttpResponse<String> response = send("GET", "/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"status\":\"ok\"}");
    }

    @Test
    void theWebClientIsServedAtTheRoot() throws Exception {
        HttpResponse<String> response = send("GET", "/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(response.body()).containsIgnoringCase("<!doctype html>");
    }

    @Test
    void unknownFilesAreNotFoundAndOtherMethodsAreNotAllowed() throws Exception {
        assertThat(send("GET", "/no-such-file.js").statusCode()).isEqualTo(404);
        assertThat(send("DELETE", "/health").statusCode()).isEqualTo(405);
    }

    @Test
    void pathsThatTryToLeaveTheWebRootAreRefused() throws Exception {
        // Sent raw: HTTP clients normalise "..", an attacker's does not.
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /../META-INF/MANIFEST.MF HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 404");
        }
        assertThat(StaticFiles.relativePath("/a/../../x")).isNull();
        assertThat(StaticFiles.relativePath("/")).isEqualTo("index.html");
        assertThat(StaticFiles.relativePath("/admin/")).isEqualTo("admin/index.html");
    }

    @Test
    void aCurrentCopyIsAnswered304OverTheWireAndTheConnectionStaysOpen() throws Exception {
        HttpResponse<String> first = send("GET", "/css/app.css");
        String etag = first.headers().firstValue("etag").orElseThrow();

        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /css/app.css HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag + "\r\n\r\n"
                    + "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 304 Not Modified").contains("ETag: " + etag)
                    .contains("HTTP/1.1 200 OK").endsWith("{\"status\":\"ok\"}");
            assertThat(answer.substring(0, answer.indexOf("HTTP/1.1 200"))).as("no body after the 304's headers")
                    .endsWith("\r\n\r\n");
        }
    }

    @Test
    void aFolderIsNotFound() throws Exception {
        assertThat(send("GET", "/js").statusCode()).isEqualTo(404);
        assertThat(send("GET", "/css").statusCode()).isEqualTo(404);
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /health HTTP/1.1\r\nHost: x\r\n\r\n" + "GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer.split("HTTP/1.1 200 OK", -1)).hasSize(3);
        }
    }
}
