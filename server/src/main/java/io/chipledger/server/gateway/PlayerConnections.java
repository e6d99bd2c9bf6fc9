package io.chipledger.server.gateway;

import io.chipledger.protocol.ServerMessage;
import io.chipledger.server.net.ClientConnection;
import io.chipledger.server.table.PlayerNews;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every open, logged-in connection by player, for news about the player rather than a table: their wallet changed
 * (a buy-in, a cash-out at any table, an operator's deposit), whichever page or device they have open.
 */
public final class PlayerConnections implements PlayerNews {

    private final Map<Long, Set<ClientConnection>> byPlayer = new ConcurrentHashMap<>();

    void opened(long playerId, ClientConnection connection) {
        byPlayer.computeIfAbsent(playerId, id -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    void closed(long playerId, ClientConnection connection) {
        byPlayer.computeIfPresent(playerId, (id, connections) -> {
            connections.remove(connection);
            return connections.isEmpty() ? null : connections;
        });
    }

    @Override
    public void send(long playerId, ServerMessage message) {
        Set<ClientConnection> connections = byPlayer.get(playerId);
        if (connections != null) {
            connections.forEach(connection -> connection.send(message));
        }
    }

    /** Players with at least one open session. */
    public long playersOnline() {
        return byPlayer.size();
    }
}
