package io.chipledger.server.net;

import io.chipledger.protocol.ProtocolJson;
import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ClientConnection} with no socket behind it, for unit tests of the game side: it keeps every message it was
 * sent, as the browser would read it (encoded messages are decoded from their JSON).
 */
public final class RecordingConnection implements ClientConnection {

    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final List<ServerMessage> received = new ArrayList<>();
    private boolean open = true;

    @Override
    public long id() {
        return id;
    }

    @Override
    public synchronized void send(ServerMessage message) {
        // Through JSON and back, as for an encoded message, so both forms read the same.
        received.add(ProtocolJson.readServerMessage(ProtocolJson.write(message)));
    }

    @Override
    public synchronized void send(EncodedMessage message) {
        received.add(ProtocolJson.readServerMessage(new String(message.utf8(), StandardCharsets.UTF_8)));
    }

    @Override
    public synchronized void close(String reason) {
        open = false;
    }

    @Override
    public synchronized boolean isOpen() {
        return open;
    }

    public synchronized List<ServerMessage> received() {
        return List.copyOf(received);
    }

    /** The table events received, in order, without their envelopes. */
    public synchronized List<TableEvent> events() {
        return received.stream().filter(m -> m instanceof ServerMessage.Event).map(m -> ((ServerMessage.Event) m).event()).toList();
    }

    /** The table events of one kind received, in order. */
    public <E extends TableEvent> List<E> events(Class<E> kind) {
        return events().stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** The answer (done or error) to one request, or null if none came. */
    public synchronized ServerMessage answerTo(String requestId) {
        for (ServerMessage message : received) {
            if (message instanceof ServerMessage.Done done && requestId.equals(done.requestId())
                    || message instanceof ServerMessage.Error error && requestId.equals(error.requestId())) {
                return message;
            }
        }
        return null;
    }

    public synchronized void forget() {
        received.clear();
    }
}
