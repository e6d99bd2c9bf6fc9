package io.chipledger.server.play;

import static io.chipledger.server.testing.TestServer.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.net.ConnectionLimits;
import io.chipledger.server.testing.TestServer;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: one client cannot take the server down. Idle and trickling HTTP connections are closed, one address
 * holds only so many connections, and a flood of silent sockets past the descriptor limit makes room for real
 * requests instead of stalling {@code /health} (20,200 idle sockets against 20,000 descriptors did).
 */
class ConnectionLimitsTest {

    private static ServerSettings with(ConnectionLimits limits) {
        ServerSettings tests = ServerSettings.forTests();
        return new ServerSettings(tests.host(), tests.port(), tests.net().withLimits(limits), tests.welcomeGrant(),
                tests.pauseBetweenHands(), tests.createDefaultTables(), tests.passwordIterations(), tests.workerThreads(),
                tests.seatTimeouts());
    }

    @Test
    void idleAndTricklingHttpConnectionsAreClosed() throws Exception {
        try (TestServer live = TestServer.forThisTest().settings(with(ConnectionLimits.defaults().withTimes(2, 2, 15))).start();
             Socket silent = RawHttp.connectFrom("127.0.0.1", live.server().port());
             Socket trickling = RawHttp.connectFrom("127.0.0.1", live.server().port())) {
            RawHttp.send(trickling, "GET /health HTTP/1.1\r\n");
            long until = System.nanoTime() + 30_000_000_000L;
            boolean trickleClosed = false;
            while (System.nanoTime() < until && !trickleClosed) {
                try {
                    RawHttp.send(trickling, "X");
                } catch (java.io.IOException reset) {
                    trickleClosed = true;
                }
                trickleClosed = trickleClosed || RawHttp.closedByServer(trickling);
                Thread.sleep(300);
            }
            assertThat(trickleClosed).as("a request trickling a byte at a time is cut off").isTrue();
            eventually("a silent connection is closed", () -> RawHttp.closedByServer(silent));
        }
    }

    @Test
    void oneAddressHoldsOnlySoManyConnections() throws Exception {
        try (TestServer live = TestServer.forThisTest().settings(with(ConnectionLimits.defaults().withPerAddress(5, true))).start()) {
            int port = live.server().port();
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    Socket socket = RawHttp.connectFrom("127.0.0.3", port);
                    held.add(socket);
                    // Answered, so the server has counted it before the next one connects.
                    RawHttp.send(socket, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                    socket.setSoTimeout(10_000);
                    assertThat(RawHttp.statusLine(socket.getInputStream())).isEqualTo("HTTP/1.1 200 OK");
                }
                assertThat(RawHttp.get("127.0.0.3", port, "/health")).isEqualTo("HTTP/1.1 503 Service Unavailable");
                assertThat(RawHttp.get("127.0.0.4", port, "/health")).as("another address").isEqualTo("HTTP/1.1 200 OK");
                held.remove(0).close();
                eventually("a place is free again", () -> {
                    try {
                        return "HTTP/1.1 200 OK".equals(RawHttp.get("127.0.0.3", port, "/health"));
                    } catch (java.io.IOException e) {
                        return false;
                    }
                });
            } finally {
                for (Socket socket : held) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void silentSocketsPastTheDescriptorLimitDoNotKeepHealthOut() throws Exception {
        String name = SharedPostgres.emptyDatabase();
        // 1024 descriptors, of which the JVM's jars and the database pool take a few hundred.
        ServerProcess server = ServerProcess.serveUnder(List.of("prlimit", "--nofile=1024:1024"), SharedPostgres.jdbcUrl(name));
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 1500; i++) {
                flood.add(RawHttp.connectFrom("127.0.0." + (10 + i % 200), server.port()));
            }
            String health = RawHttp.get("127.0.0.2", server.port(), "/health");
            assertThat(health).as("health with 1500 silent sockets open against 1024 descriptors\n" + server.output())
                    .isEqualTo("HTTP/1.1 200 OK");
        } finally {
            for (Socket socket : flood) {
                socket.close();
            }
            server.terminate();
        }
    }

    @Test
    void aBurstOfSocketsFasterThanTheEventLoopsNeverRunsTheServerOutOfDescriptors() throws Exception {
        String name = SharedPostgres.emptyDatabase();
        ServerProcess server = ServerProcess.serveUnder(List.of("prlimit", "--nofile=1024:1024"), SharedPostgres.jdbcUrl(name));
        List<Socket> flood = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            // Eight threads connect as fast as the kernel lets them: the accepting thread takes sockets faster than the
            // event loops register them, which is when a count kept by the event loops alone fell behind.
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int first = t;
                Thread connecting = new Thread(() -> {
                    for (int i = first; i < 2400; i += 8) {
                        try {
                            flood.add(RawHttp.connectFrom("127.0.0." + (10 + i % 200), server.port()));
                        } catch (java.io.IOException refused) {
                            return;
                        }
                    }
                });
                connecting.start();
                threads.add(connecting);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            String health = RawHttp.get("127.0.0.2", server.port(), "/health");
            assertThat(health).as("health after a burst of 2400 sockets against 1024 descriptors").isEqualTo("HTTP/1.1 200 OK");
            assertThat(server.output()).as("the server never ran out of descriptors while accepting")
                    .doesNotContain("Too many open files");
        } finally {
            synchronized (flood) {
                for (Socket socket : flood) {
                    socket.close();
                }
            }
            server.terminate();
        }
    }
}
