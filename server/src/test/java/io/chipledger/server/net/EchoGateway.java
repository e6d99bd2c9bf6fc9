package io.chipledger.server.net;

import io.chipledger.protocol.ClientMessage;
import io.chipledger.protocol.ServerMessage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A gateway for network tests: answers pings, acknowledges everything else, and remembers what it received. */
final class EchoGateway implements ClientGateway {

    final List<ClientMessage> received = new CopyOnWriteArrayList<>();
    final List<ClientConnection> closed = new CopyOnWriteArrayList<>();

    @Override
    public void opened(ClientConnection connection) {
    }

    @Override
    public void received(ClientConnection connection, ClientMessage message) {
        received.add(message);
        connection.send(message instanceof ClientMessage.Ping ping
                ? new ServerMessage.Pong(ping.requestId())
                : new ServerMessage.Done(message.requestId()));
    }

    @Override
    public void closed(ClientConnection connection) {
        closed.add(connection);
    }
}
