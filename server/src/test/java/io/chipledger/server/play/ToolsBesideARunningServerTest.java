package io.chipledger.server.play;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.server.bot.PokerClient;
import io.chipledger.server.cli.PokerServer;
import io.chipledger.server.cli.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The command-line tools on the data directory of a server that is running: they join its embedded PostgreSQL (the
 * README used to say "stop the server first"), while a second {@code serve} there is refused in one line.
 */
class ToolsBesideARunningServerTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int poker(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        return PokerServer.commandLine(Terminal.of(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env)).execute(args);
    }

    @Test
    void adminCreateAndAuditJoinTheRunningServersDatabaseAndASecondServeIsRefused() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "tools-beside");
        ServerProcess server = ServerProcess.serveEmbedded(dataDir);
        try {
            int created = poker(Map.of("POKER_ADMIN_PASSWORD", "correct horse battery"), "admin", "create", "boss",
                    "--data-dir", dataDir.toString());

            assertThat(created).as(err.toString(StandardCharsets.UTF_8)).isZero();
            String token = PokerClient.token(server.http(), "boss", "correct horse battery");
            HttpResponse<String> dashboard = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(server.http() + "/api/admin/dashboard")).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(dashboard.statusCode()).as("the running server knows the new admin").isEqualTo(200);

            assertThat(poker(Map.of(), "audit", "--data-dir", dataDir.toString())).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK: no violations");

            int second = poker(Map.of(), "serve", "--data-dir", dataDir.toString(), "--port", "0");
            assertThat(second).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("poker-server serve: the database in ")
                    .contains("is in use by another running poker server").doesNotContain("\tat ");
            assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
        } finally {
            server.terminate();
        }
        assertThat(server.output()).doesNotContain("ERROR");
    }
}
