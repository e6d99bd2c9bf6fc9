package io.chipledger.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.chipledger.money.Money;

/**
 * Everything a browser may send over the WebSocket. Each request carries a client-chosen {@code requestId}, echoed in
 * the reply; for requests that move money it is also the ledger's idempotency key, so a resent request moves money
 * once. Amounts are strings; see docs/protocol.md. Every field is required except {@code Watch.lastSeq},
 * {@code Watch.recent}, {@code Act.amount} and the {@code postBigBlind} of {@code SitDown} and {@code SitIn}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ClientMessage.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = ClientMessage.Watch.class, name = "watch"),
    @JsonSubTypes.Type(value = ClientMessage.Unwatch.class, name = "unwatch"),
    @JsonSubTypes.Type(value = ClientMessage.SitDown.class, name = "sitDown"),
    @JsonSubTypes.Type(value = ClientMessage.TopUp.class, name = "topUp"),
    @JsonSubTypes.Type(value = ClientMessage.Act.class, name = "act"),
    @JsonSubTypes.Type(value = ClientMessage.SitOut.class, name = "sitOut"),
    @JsonSubTypes.Type(value = ClientMessage.SitIn.class, name = "sitIn"),
    @JsonSubTypes.Type(value = ClientMessage.Leave.class, name = "leave"),
    @JsonSubTypes.Type(value = ClientMessage.Chat.class, name = "chat"),
    @JsonSubTypes.Type(value = ClientMessage.SetClientSeed.class, name = "setClientSeed"),
    @JsonSubTypes.Type(value = ClientMessage.Ping.class, name = "ping"),
})
public sealed interface ClientMessage {

    /** The client's id for this request, echoed in the reply; unique per session. */
    String requestId();

    /** A message for one table, handled by that table's actor. */
    sealed interface TableMessage extends ClientMessage {
        long tableId();
    }

    /** Opens a session on this connection with a token from {@code POST /api/login}; must be the first message. */
    record Hello(@JsonProperty(required = true) String requestId,
            @JsonProperty(required = true) int protocolVersion,
            @JsonProperty(required = true) String token) implements ClientMessage {
    }

    /**
     * Subscribes to a table's events (as a spectator, or to resume as its player after a reconnect). With
     * {@code lastSeq} the server replays the events after it, or sends a snapshot when that gap is too old. With
     * {@code recent}, a snapshot is followed by up to that many of the table's latest events (at most
     * {@link ServerMessage.RecentEvents#MOST}), from which a page draws its hand log and chat again.
     */
    record Watch(@JsonProperty(required = true) String requestId,
            @JsonProperty(required = true) long tableId,
            Long lastSeq,
            Integer recent) implements TableMessage {

        /** A watch that asks for no recent events (bots, tests, the admin console). */
        public Watch(String requestId, long tableId, Long lastSeq) {
            this(requestId, tableId, lastSeq, null);
        }
    }

    record Unwatch(@JsonProperty(required = true) String requestId,
            @JsonProperty(required = true) long tableId) implements TableMessage {
    }

    /**
     * Takes a seat and buys in: {@code amount} moves from the wallet to the seat, within the table's limits. A game
     * already running deals the newcomer in when the big blind reaches the seat, or, with {@code postBigBlind} true, at
     * the next hand in which the seat is after the blinds and before the button, posting a live big blind there.
     */
    record SitDown(@JsonProperty(required = true) String requestId,
            @JsonProperty(required = true) long tableId,
            @JsonProperty(required = true) int seat,
            @JsonProperty(required = true) Money amount,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean postBigBlind) implements TableMessage {

        /** Waits for the big blind. */
        public SitDown(String requestId, long tableId, int seat, Money amount) {
            this(requestId, tableId, seat, amount, null);
        }

        public boolean postsBigBlind() {
            return Boolean.TRUE.equals(postBigBlind);
        }
    }

    /** Adds chips between hands, up to the table maximum. */
    record TopUp(@JsonProperty(required = true) String requestId,
            @JsonProperty(required = true) long tableId,
            @JsonProperty(required = true) Money amount) implements TableMessage {
    }

    /**
     * A betting action in the given hand. {@code amount} is the bet or raise-to total for this street, and only for
     * {@link ActionKind#BET} and {@link ActionKind#RAISE}.
     */
    record Act(@JsonProperty(required = true) String requestId,
            @JsonProperty(required = true) long tableId,
            @JsonProperty(required = true) long handId,
            @JsonProperty(required = true) ActionKind action,
            Money amount) implements TableMessage {
    }

    /** Stops being dealt in from the next hand; the seat and stack stay. */
    record SitOut(@JsonProperty(required = true) String requestId,
            @JsonProperty(required = true) long tableId) implements TableMessage {
    }

    /** Deals the player in again: when the big blind reaches the seat, or at once with a post, as {@link SitDown} says. */
    record SitIn(@JsonProperty(required = true) String requestId,
            @JsonProperty(required = true) long tableId,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean postBigBlind) implements TableMessage {

        /** Waits for the big blind. */
        public SitIn(String requestId, long tableId) {
            this(requestId, tableId, null);
        }

        public boolean postsBigBlind() {
            return Boolean.TRUE.equals(postBigBlind);
        }
    }

    /** Stands up: after the current hand the seat's stack goes back to the wallet. */
    record Leave(@JsonProperty(required = true) String requestId,
            @JsonProperty(required = true) long tableId) implements TableMessage {
    }

    record Chat(@JsonProperty(required = true) String requestId,
            @JsonProperty(required = true) long tableId,
            @JsonProperty(required = true) String text) implements TableMessage {
    }

    /**
     * Adds the player's own randomness to the table's next deck. {@code commitment} must be the {@code
     * nextDeckCommitment} of the latest {@code handStarted}: a seed chosen after seeing it cannot have been known to the
     * server when it drew the seed it committed to. {@code seed}: 1 to 64 printable ASCII characters, no spaces.
     */
    record SetClientSeed(@JsonProperty(required = true) String requestId,
            @JsonProperty(required = true) long tableId,
            @JsonProperty(required = true) String commitment,
            @JsonProperty(required = true) String seed) implements TableMessage {
    }

    record Ping(@JsonProperty(required = true) String requestId) implements ClientMessage {
    }
}
