package io.chipledger.server.net;

import io.chipledger.protocol.ProtocolJson;
import io.chipledger.protocol.ServerMessage;

/**
 * A server message with its JSON already written, for a message many connections receive: a table's event goes to
 * every watcher, and is written once rather than once per connection. The bytes are shared read-only by every frame
 * made from them.
 */
public final class EncodedMessage {

    private final byte[] utf8;

    private EncodedMessage(byte[] utf8) {
        this.utf8 = utf8;
    }

    public static EncodedMessage of(ServerMessage message) {
        return new EncodedMessage(ProtocolJson.writeBytes(message));
    }

    /** Text already written as UTF-8, taken as it is: for frames of exact sizes in tests. */
    static EncodedMessage ofUtf8(byte[] utf8) {
        return new EncodedMessage(utf8);
    }

    /** The JSON text as UTF-8; callers must not change it. */
    byte[] utf8() {
        return utf8;
    }
}
