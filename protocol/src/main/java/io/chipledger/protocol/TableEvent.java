package io.chipledger.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.chipledger.money.Money;
import java.util.List;

/**
 * What happened at a table, in the past tense, as each viewer may see it. Events that move chips are sent only after
 * the ledger has committed the movement.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TableEvent.SeatTaken.class, name = "seatTaken"),
    @JsonSubTypes.Type(value = TableEvent.ToppedUp.class, name = "toppedUp"),
    @JsonSubTypes.Type(value = TableEvent.SatOut.class, name = "satOut"),
    @JsonSubTypes.Type(value = TableEvent.SatIn.class, name = "satIn"),
    @JsonSubTypes.Type(value = TableEvent.SeatLeft.class, name = "seatLeft"),
    @JsonSubTypes.Type(value = TableEvent.RebuyOffered.class, name = "rebuyOffered"),
    @JsonSubTypes.Type(value = TableEvent.HandStarted.class, name = "handStarted"),
    @JsonSubTypes.Type(value = TableEvent.BlindPosted.class, name = "blindPosted"),
    @JsonSubTypes.Type(value = TableEvent.HoleCardsDealt.class, name = "holeCardsDealt"),
    @JsonSubTypes.Type(value = TableEvent.TurnStarted.class, name = "turnStarted"),
    @JsonSubTypes.Type(value = TableEvent.PlayerActed.class, name = "playerActed"),
    @JsonSubTypes.Type(value = TableEvent.UncalledBetReturned.class, name = "uncalledBetReturned"),
    @JsonSubTypes.Type(value = TableEvent.StreetDealt.class, name = "streetDealt"),
    @JsonSubTypes.Type(value = TableEvent.CardsShown.class, name = "cardsShown"),
    @JsonSubTypes.Type(value = TableEvent.PotAwarded.class, name = "potAwarded"),
    @JsonSubTypes.Type(value = TableEvent.RakeTaken.class, name = "rakeTaken"),
    @JsonSubTypes.Type(value = TableEvent.HandEnded.class, name = "handEnded"),
    @JsonSubTypes.Type(value = TableEvent.HandVoided.class, name = "handVoided"),
    @JsonSubTypes.Type(value = TableEvent.ConnectionChanged.class, name = "connectionChanged"),
    @JsonSubTypes.Type(value = TableEvent.ChatPosted.class, name = "chatPosted"),
    @JsonSubTypes.Type(value = TableEvent.TablePaused.class, name = "tablePaused"),
    @JsonSubTypes.Type(value = TableEvent.TableResumed.class, name = "tableResumed"),
    @JsonSubTypes.Type(value = TableEvent.TableClosing.class, name = "tableClosing"),
    @JsonSubTypes.Type(value = TableEvent.PlayerRemoved.class, name = "playerRemoved"),
})
public sealed interface TableEvent {

    record SeatTaken(int seat, String player, Money stack) implements TableEvent {
    }

    record ToppedUp(int seat, Money amount, Money stack) implements TableEvent {
    }

    record SatOut(int seat) implements TableEvent {
    }

    record SatIn(int seat) implements TableEvent {
    }

    /** The seat is free again; {@code cashedOut} went back to the player's wallet. */
    record SeatLeft(int seat, String player, Money cashedOut) implements TableEvent {
    }

    /**
     * The seat's player lost every chip: they may top up for {@code minBuyIn} to {@code maxBuyIn} within
     * {@code millisLeft}, or the seat is given up (a {@code seatLeft} follows).
     */
    record RebuyOffered(int seat, Money minBuyIn, Money maxBuyIn, long millisLeft) implements TableEvent {
    }

    /**
     * A new hand. {@code deckCommitment} is the SHA-256 of the secret seed this hand's deck is derived from; the seed is
     * revealed in {@code handEnded}, so anyone can check the deck was fixed before the first card.
     * {@code nextDeckCommitment} commits to the seed of the table's next hand: client seeds sent against it
     * ({@code setClientSeed}) go into that hand's deck. See docs/provably-fair.md. {@code smallBlind} and
     * {@code bigBlind} are this hand's: at a sit-and-go they rise by level, so the table's own (its first level) is not
     * what is played.
     */
    record HandStarted(long handId, int button, List<Integer> seatsDealtIn, String deckCommitment, String nextDeckCommitment,
                       Money smallBlind, Money bigBlind) implements TableEvent {
    }

    /** A forced bet: {@code kind} is SMALL_BLIND, BIG_BLIND, ANTE, BIG_BLIND_ANTE or STRADDLE. */
    record BlindPosted(int seat, String kind, Money amount, Money stack) implements TableEvent {
    }

    /** Hole cards: {@code cards} is filled only in the copy sent to the seat's own player; others see that cards were dealt. */
    record HoleCardsDealt(int seat, List<String> cards) implements TableEvent {
    }

    /** It is {@code turn.seat()}'s turn; {@code turn.legal()} is filled only for that player. */
    record TurnStarted(TableView.Turn turn) implements TableEvent {
    }

    /**
     * A betting action. {@code amount} is what this action added to the pot; {@code streetTotal} the seat's total bet
     * on this street; {@code stack} what is left behind.
     */
    record PlayerActed(int seat, ActionKind action, Money amount, Money streetTotal, Money stack, boolean allIn, boolean timedOut)
            implements TableEvent {
    }

    record UncalledBetReturned(int seat, Money amount, Money stack) implements TableEvent {
    }

    /** {@code street} is FLOP, TURN or RIVER; {@code board} the whole board so far; {@code pots} after the betting round. */
    record StreetDealt(String street, List<String> cards, List<String> board, List<TableView.PotView> pots) implements TableEvent {
    }

    /** Cards shown at showdown, with the hand's name ("two pair, Kings and Nines"). */
    record CardsShown(int seat, List<String> cards, String handName) implements TableEvent {
    }

    /**
     * A pot (0 = main pot, 1.. = side pots) or a share of it, paid to a seat. {@code oddCent} marks the share that
     * received a leftover cent of a split.
     */
    record PotAwarded(int pot, int seat, Money amount, boolean oddCent, String handName, Money stack) implements TableEvent {
    }

    record RakeTaken(Money amount) implements TableEvent {
    }

    /** The hand is over; {@code serverSeed} is the seed its deck came from (hex), whose SHA-256 was the commitment. */
    record HandEnded(long handId, String serverSeed) implements TableEvent {
    }

    /** A hand cancelled (e.g. after a server crash): every chip it moved went back to the seats it came from. */
    record HandVoided(long handId, String reason) implements TableEvent {
    }

    record ConnectionChanged(int seat, boolean connected) implements TableEvent {
    }

    record ChatPosted(String player, String text) implements TableEvent {
    }

    /** No new hand is dealt until {@link TableResumed}: the reason says why (the database is unavailable). */
    record TablePaused(String reason) implements TableEvent {
    }

    record TableResumed() implements TableEvent {
    }

    /** An operator closes the table: no new hand or seat; every seat is cashed out once the hand in progress ends. */
    record TableClosing(String reason) implements TableEvent {
    }

    /**
     * An operator removed the seat's player: folded if it was their turn, cashed out after the hand (a {@code seatLeft}
     * follows); they may not sit at this table again for {@code barredMillis}.
     */
    record PlayerRemoved(int seat, String player, String reason, long barredMillis) implements TableEvent {
    }
}
