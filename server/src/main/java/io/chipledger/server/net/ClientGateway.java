package io.chipledger.server.net;

import io.chipledger.protocol.ClientMessage;

/**
 * Where decoded client messages go: the game side's entry point. Called on an event loop, so implementations hand
 * the work to a table's mailbox or a worker executor and return at once.
 */
public interface ClientGateway {

    void opened(ClientConnection connection);

    void received(ClientConnection connection, ClientMessage message);

    /** As {@link #received(ClientConnection, ClientMessage)}; its frame arrived at {@code receivedNanos} (nanoTime). */
    default void received(ClientConnection connection, ClientMessage message, long receivedNanos) {
        received(connection, message);
    }

    void closed(ClientConnection connection);

    /** For a listener with no game (the operators' one): a WebSocket opened there is closed at once. */
    ClientGateway NO_GAME = new ClientGateway() {
        @Override
        public void opened(ClientConnection connection) {
            connection.close("no game on this listener");
        }

        @Override
        public void received(ClientConnection connection, ClientMessage message) {
        }

        @Override
        public void closed(ClientConnection connection) {
        }
    };
}
