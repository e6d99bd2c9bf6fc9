package io.chipledger.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.chipledger.money.Money;
import java.util.List;

/**
 * Everything the server sends over the WebSocket. Replies echo the request's {@code requestId}; table traffic is
 * {@link Event} or {@link Snapshot}, numbered by the table's sequence so a client can tell what it missed.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ServerMessage.Welcome.class, name = "welcome"),
    @JsonSubTypes.Type(value = ServerMessage.Done.class, name = "done"),
    @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
    @JsonSubTypes.Type(value = ServerMessage.Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = ServerMessage.Wallet.class, name = "wallet"),
    @JsonSubTypes.Type(value = ServerMessage.Snapshot.class, name = "snapshot"),
    @JsonSubTypes.Type(value = ServerMessage.Event.class, name = "event"),
    @JsonSubTypes.Type(value = ServerMessage.TableMoved.class, name = "tableMoved"),
    @JsonSubTypes.Type(value = ServerMessage.TableNotice.class, name = "tableNotice"),
    @JsonSubTypes.Type(value = ServerMessage.RecentEvents.class, name = "recentEvents"),
    @JsonSubTypes.Type(value = ServerMessage.TournamentStarted.class, name = "tournamentStarted"),
})
public sealed interface ServerMessage {

    /**
     * The session is open: who you are and your wallet. {@code frozen} says why, when an operator froze the account (a
     * player who was away when it happened learns it here); it is absent otherwise.
     */
    record Welcome(String requestId, int protocolVersion, String player, Money wallet,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String frozen) implements ServerMessage {

        public Welcome(String requestId, int protocolVersion, String player, Money wallet) {
            this(requestId, protocolVersion, player, wallet, null);
        }
    }

    /** The request was carried out (for money, after the ledger committed it). */
    record Done(String requestId) implements ServerMessage {
    }

    /** The request was refused and changed nothing. {@code requestId} is null when the frame could not be read. */
    record Error(String requestId, ErrorCode code, String message) implements ServerMessage {
    }

    record Pong(String requestId) implements ServerMessage {
    }

    /** The player's wallet balance changed. */
    record Wallet(Money balance) implements ServerMessage {
    }

    /** The whole visible state of a table as of event {@code seq}. */
    record Snapshot(long tableId, long seq, TableView table) implements ServerMessage {
    }

    /** One table event; {@code seq} is the table's, one more than the previous event's. */
    record Event(long tableId, long seq, TableEvent event) implements ServerMessage {
    }

    /**
     * The table's latest events up to the snapshot just sent (oldest first, as this viewer may see them), for a
     * {@code watch} that asked for {@code recent} ones: what a page draws its hand log and chat from after a reload
     * or on another device. They are already in the snapshot's state; a client does not apply them again.
     */
    record RecentEvents(long tableId, List<Event> events) implements ServerMessage {
        /** The most recent events one watch may ask for. */
        public static final int MOST = 300;

        public RecentEvents {
            events = List.copyOf(events);
        }
    }

    /**
     * This connection's node no longer serves the table (another game node took it over, or this one is draining):
     * connect to {@code url} (null: look it up with {@code GET /api/route?table=ID}) and {@code watch} it there with
     * the last {@code seq} seen. The table is no longer watched here.
     */
    record TableMoved(long tableId, String url) implements ServerMessage {
    }

    /**
     * Something the watchers of a table must hear at once, ahead of the table's numbered events: today, that the
     * database is unavailable (a {@link TableEvent.TablePaused}) while the table itself still waits for a commit, so its
     * numbered {@code tablePaused} could only follow once the commit went through. It has no {@code seq}: it is not a
     * table event, is not kept for a {@code watch} that catches up, and a client's last seen {@code seq} stays as it was.
     * The numbered events (the {@code tablePaused} and {@code tableResumed}) follow in their turn.
     */
    record TableNotice(long tableId, TableEvent event) implements ServerMessage {
    }

    /**
     * A sit-and-go the player is registered in started (or resumed after a restart): it is dealt at {@code tableId};
     * {@code watch} it to play. Sent to every connection of the player, as {@link Wallet} is.
     */
    record TournamentStarted(long tournamentId, long tableId) implements ServerMessage {
    }
}
