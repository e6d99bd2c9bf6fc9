package io.chipledger.server.net;

import io.chipledger.protocol.ServerMessage;

/**
 * One browser's WebSocket, as the game side sees it: it can be sent messages (from any thread) and closed. The player
 * it belongs to is known once {@code hello} succeeded.
 */
public interface ClientConnection {

    /** A number unique within this server's run, for logs and maps. */
    long id();

    /** Queues a message; never blocks. A client too slow to read is disconnected rather than buffered without bound. */
    void send(ServerMessage message);

    /** As {@link #send(ServerMessage)}, for a message already encoded once for all the connections it goes to. */
    void send(EncodedMessage message);

    /** As {@link #send(EncodedMessage)}, as one frame of {@code broadcast}, which hears when it is written. */
    default void send(EncodedMessage message, BroadcastWrites broadcast) {
        send(message);
    }

    void close(String reason);

    boolean isOpen();
}
