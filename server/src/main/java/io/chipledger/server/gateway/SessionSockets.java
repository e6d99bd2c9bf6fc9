package io.chipledger.server.gateway;

import io.chipledger.server.account.PlayerDirectory;
import io.chipledger.server.net.ClientConnection;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Which WebSocket was opened with which session, so a session's end reaches its sockets at once: a logout or an
 * operator's freeze closes them as it happens, and each is closed when its session expires. Every close says why.
 */
public final class SessionSockets implements PlayerDirectory.SessionListener {

    /** What a socket was opened with. */
    private record Opened(String tokenHash, long playerId, Instant expiresAt) {
    }

    private final Map<ClientConnection, Opened> sockets = new ConcurrentHashMap<>();
    private final Clock clock;

    public SessionSockets(PlayerDirectory players, ScheduledExecutorService scheduler, Clock clock, Duration sweep) {
        this.clock = clock;
        players.subscribe(this);
        scheduler.scheduleWithFixedDelay(this::closeExpired, sweep.toMillis(), sweep.toMillis(), TimeUnit.MILLISECONDS);
    }

    void opened(ClientConnection connection, PlayerDirectory.LiveSession session) {
        sockets.put(connection, new Opened(session.tokenHash(), session.player().id(), session.expiresAt()));
    }

    void closed(ClientConnection connection) {
        sockets.remove(connection);
    }

    @Override
    public void sessionEnded(String tokenHash, String reason) {
        sockets.forEach((connection, opened) -> {
            if (opened.tokenHash().equals(tokenHash)) {
                close(connection, "session ended: " + reason);
            }
        });
    }

    @Override
    public void playerFrozen(long playerId, String reason) {
        String told = PlayerDirectory.toldOfFreeze(reason);
        sockets.forEach((connection, opened) -> {
            if (opened.playerId() == playerId) {
                close(connection, fitted(told));
            }
        });
    }

    /** A WebSocket close frame's reason holds at most 123 bytes of UTF-8: longer text is cut on a whole character. */
    static String fitted(String reason) {
        if (reason.getBytes(StandardCharsets.UTF_8).length <= 123) {
            return reason;
        }
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < reason.length(); i += Character.charCount(reason.codePointAt(i))) {
            int codePoint = reason.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > 120) {
                break;
            }
            kept.appendCodePoint(codePoint);
            bytes += size;
        }
        return kept.append('…').toString(); // three bytes: 123 at most
    }

    /** Closes the sockets whose session is over; run every sweep, so a socket outlives its session by at most that. */
    void closeExpired() {
        Instant now = clock.instant();
        sockets.forEach((connection, opened) -> {
            if (!opened.expiresAt().isAfter(now)) {
                close(connection, "session expired: log in again");
            }
        });
    }

    private void close(ClientConnection connection, String reason) {
        sockets.remove(connection);
        connection.close(reason);
    }
}
