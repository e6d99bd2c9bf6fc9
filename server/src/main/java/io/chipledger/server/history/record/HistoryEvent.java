package io.chipledger.server.history.record;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.chipledger.money.Money;
import java.util.List;

/**
 * One event of a recorded hand, in order. Events that moved chips carry {@code transferId}, the ledger transfer that
 * moved them; cards are two-character strings ({@code "As"}). A hole card the reader may not see is null.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = HistoryEvent.AntePosted.class, name = "antePosted"),
    @JsonSubTypes.Type(value = HistoryEvent.BlindPosted.class, name = "blindPosted"),
    @JsonSubTypes.Type(value = HistoryEvent.HoleCardsDealt.class, name = "holeCardsDealt"),
    @JsonSubTypes.Type(value = HistoryEvent.StreetDealt.class, name = "streetDealt"),
    @JsonSubTypes.Type(value = HistoryEvent.Folded.class, name = "folded"),
    @JsonSubTypes.Type(value = HistoryEvent.Checked.class, name = "checked"),
    @JsonSubTypes.Type(value = HistoryEvent.Called.class, name = "called"),
    @JsonSubTypes.Type(value = HistoryEvent.Bet.class, name = "bet"),
    @JsonSubTypes.Type(value = HistoryEvent.Raised.class, name = "raised"),
    @JsonSubTypes.Type(value = HistoryEvent.UncalledBetReturned.class, name = "uncalledBetReturned"),
    @JsonSubTypes.Type(value = HistoryEvent.HandTabled.class, name = "handTabled"),
    @JsonSubTypes.Type(value = HistoryEvent.HandShown.class, name = "handShown"),
    @JsonSubTypes.Type(value = HistoryEvent.HandMucked.class, name = "handMucked"),
    @JsonSubTypes.Type(value = HistoryEvent.RakeTaken.class, name = "rakeTaken"),
    @JsonSubTypes.Type(value = HistoryEvent.PotAwarded.class, name = "potAwarded"),
    @JsonSubTypes.Type(value = HistoryEvent.Refunded.class, name = "refunded"),
})
public sealed interface HistoryEvent {

    /** An event that moved chips: into the pot from a seat ({@code intoPot}), or out of it. */
    sealed interface Chips extends HistoryEvent {
        Money amount();

        Long transferId();

        /** The same event, moved by another ledger transfer. */
        Chips withTransferId(Long transferId);
    }

    /** An event of one seat. */
    sealed interface OfSeat extends HistoryEvent {
        int seat();
    }

    /** {@code dead}: a big-blind ante, dead money in the main pot. */
    record AntePosted(int seat, Money amount, boolean dead, boolean allIn, Long transferId) implements Chips, OfSeat {
        public AntePosted withTransferId(Long id) {
            return new AntePosted(seat, amount, dead, allIn, id);
        }
    }

    /** {@code blind}: SMALL, BIG or STRADDLE; less than the blind when all-in. */
    record BlindPosted(int seat, String blind, Money amount, boolean allIn, Long transferId) implements Chips, OfSeat {
        public BlindPosted withTransferId(Long id) {
            return new BlindPosted(seat, blind, amount, allIn, id);
        }
    }

    record HoleCardsDealt(int seat, List<String> cards) implements OfSeat {
    }

    /** {@code street}: FLOP, TURN or RIVER; {@code cards} the cards it opened. */
    record StreetDealt(String street, List<String> cards) implements HistoryEvent {
    }

    record Folded(int seat) implements OfSeat {
    }

    record Checked(int seat) implements OfSeat {
    }

    /** {@code amount}: what the call put in now (less than the bet when all-in for less). */
    record Called(int seat, Money amount, boolean allIn, Long transferId) implements Chips, OfSeat {
        public Called withTransferId(Long id) {
            return new Called(seat, amount, allIn, id);
        }
    }

    /** The first bet of a street after the flop. */
    record Bet(int seat, Money amount, boolean allIn, Long transferId) implements Chips, OfSeat {
        public Bet withTransferId(Long id) {
            return new Bet(seat, amount, allIn, id);
        }
    }

    /** A raise to a street total of {@code to}; {@code amount} is what it put in now. */
    record Raised(int seat, Money to, Money amount, boolean allIn, Long transferId) implements Chips, OfSeat {
        public Raised withTransferId(Long id) {
            return new Raised(seat, to, amount, allIn, id);
        }
    }

    record UncalledBetReturned(int seat, Money amount, Long transferId) implements Chips, OfSeat {
        public UncalledBetReturned withTransferId(Long id) {
            return new UncalledBetReturned(seat, amount, id);
        }
    }

    /** Betting ended with a player all-in: the live hands were turned face up before the board was finished. */
    record HandTabled(int seat, List<String> cards) implements OfSeat {
    }

    /** A hand shown at showdown; {@code handName} as the showdown announced it ("two pair, Kings and Nines"). */
    record HandShown(int seat, List<String> cards, String handName) implements OfSeat {
    }

    record HandMucked(int seat) implements OfSeat {
    }

    /** The house's cut of pot {@code pot} (0 the main pot, 1.. side pots). */
    record RakeTaken(int pot, Money amount, Long transferId) implements Chips {
        public RakeTaken withTransferId(Long id) {
            return new RakeTaken(pot, amount, id);
        }
    }

    /** A pot or a share of it; {@code oddCent} when the share includes a leftover cent of a split. */
    record PotAwarded(int pot, int seat, Money amount, boolean oddCent, Long transferId) implements Chips, OfSeat {
        public PotAwarded withTransferId(Long id) {
            return new PotAwarded(pot, seat, amount, oddCent, id);
        }
    }

    /** A voided hand gave the seat back what it had in the pot. */
    record Refunded(int seat, Money amount, Long transferId) implements Chips, OfSeat {
        public Refunded withTransferId(Long id) {
            return new Refunded(seat, amount, id);
        }
    }

    /** Whether the event's chips went from a seat into the pot (else out of the pot, or no chips at all). */
    static boolean intoPot(HistoryEvent event) {
        return event instanceof AntePosted || event instanceof BlindPosted || event instanceof Called
                || event instanceof Bet || event instanceof Raised;
    }
}
