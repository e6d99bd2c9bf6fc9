package io.chipledger.server.net;

import io.chipledger.protocol.ProtocolJson;
import io.chipledger.protocol.ServerMessage;

/**
 * A server message with its JSON already written, for a message many connections receive: a table's event goes to
 * every watcher, and writing it once instead of once per connection is most of what broadcasting costs. The bytes
 * are shared read-only by every frame made from them.
 */
public final class EncodedMessage {

    private final ServerMessage message;
    private final byte[] utf8;

    private EncodedMessage(ServerMessage message, byte[] utf8) {
        this.message = message;
        this.utf8 = utf8;
    }

    public static EncodedMessage of(ServerMessage message) {
        return new EncodedMessage(message, ProtocolJson.writeBytes(message));
    }

    public ServerMessage message() {
        return message;
    }

    /** The JSON text as UTF-8; callers must not change it. */
    byte[] utf8() {
        return utf8;
    }
}
