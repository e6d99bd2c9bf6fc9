package io.chipledger.server.play;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.server.cli.PokerServer;
import io.chipledger.server.cli.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} on a port another process holds says so in one line and stops what it had started. It used to print
 * Netty's stack trace ("bind(..) failed with error(-98)") as an unexpected failure and keep the process alive for
 * most of a minute on the ledger's and timers' threads.
 */
class ServeOnAPortInUseTest {

    @Test
    void servingOnAPortInUseIsRefusedInOneLineThatNamesTheAddress() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "port-in-use");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int status = PokerServer.commandLine(Terminal.of(new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), Map.of())).execute("serve", "--data-dir",
                    dataDir.toString(), "--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()));

            String said = err.toString(StandardCharsets.UTF_8);
            assertThat(status).as(said).isEqualTo(1);
            assertThat(said).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort(), "in use")
                    .doesNotContain("\tat ", "unexpectedly");
        }
        Thread[] threads = new Thread[Thread.activeCount() + 16];
        int count = Thread.enumerate(threads);
        for (int i = 0; i < count; i++) {
            assertThat(threads[i].getName()).as("a thread the refused start left running")
                    .doesNotStartWith("ledger-writer").doesNotStartWith("database-availability").doesNotStartWith("table-");
        }
    }
}
