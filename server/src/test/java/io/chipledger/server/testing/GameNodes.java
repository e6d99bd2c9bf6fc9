package io.chipledger.server.testing;

import io.chipledger.server.ServerSettings;
import io.chipledger.server.cluster.NodeIdentity;
import io.chipledger.server.cluster.NodeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;

/**
 * Settings of a game node among others for tests that start several on one database: a name, a port on loopback that
 * is also its advertised URL (other nodes pass requests on to it there), its table leases and its drain bound.
 */
public final class GameNodes {

    private GameNodes() {
    }

    /** A port free on loopback now, for a node that must know its own URL before it listens. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }

    /** Node {@code name} on {@code port}, table leases of {@code lease}, the default drain bound. */
    public static ServerSettings node(String name, int port, Duration lease) {
        return ServerSettings.forTests().withPort("127.0.0.1", port)
                .withNode(new NodeSettings(NodeIdentity.of(name, "http://127.0.0.1:" + port), lease));
    }

    /** As {@link #node(String, int, Duration)}, hands in play finishing within {@code drainBound} when it drains. */
    public static ServerSettings node(String name, int port, Duration lease, Duration drainBound) {
        return ServerSettings.forTests().withPort("127.0.0.1", port)
                .withNode(new NodeSettings(NodeIdentity.of(name, "http://127.0.0.1:" + port), lease, drainBound));
    }

    /** Node {@code name} on a free port, table leases of {@code lease}. */
    public static ServerSettings node(String name, Duration lease) {
        return node(name, freePort(), lease);
    }
}
