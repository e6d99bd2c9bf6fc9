package io.chipledger.server.history.record;

import io.chipledger.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything about one hand, as stored and exported. Seats are in the hand's order: from the player left of the
 * button round to the button (heads-up: the big blind, then the button).
 *
 * @param voidReason null unless {@code status} is VOIDED
 * @param deck       null for a hand voided by crash recovery, whose seed died with the process
 */
public record HandHistory(int version, long handId, long tableId, String tableName, String currency, HandStatus status,
                          String voidReason, Instant startedAt, Instant endedAt, GameRecord game, int button,
                          List<SeatRecord> seats, DeckRecord deck, List<String> board, List<HistoryEvent> events) {

    public static final int VERSION = 1;

    public HandHistory {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        seats = List.copyOf(seats);
        board = List.copyOf(board);
        events = List.copyOf(events);
    }

    public Optional<SeatRecord> seatOf(long playerId) {
        return seats.stream().filter(s -> s.playerId() == playerId).findFirst();
    }

    public Optional<SeatRecord> seat(int seat) {
        return seats.stream().filter(s -> s.seat() == seat).findFirst();
    }

    /** The player at {@code seat}, or "seat N" when nobody is recorded there. */
    public String playerAt(int seat) {
        return seat(seat).map(SeatRecord::player).orElse("seat " + seat);
    }

    /** The hand as a player may see it: other players' hole cards only where they were shown. */
    public HandHistory seenBy(long playerId) {
        Set<Integer> shown = new HashSet<>();
        seatOf(playerId).ifPresent(s -> shown.add(s.seat()));
        for (HistoryEvent event : events) {
            if (event instanceof HistoryEvent.HandShown s) {
                shown.add(s.seat());
            } else if (event instanceof HistoryEvent.HandTabled t) {
                shown.add(t.seat());
            }
        }
        List<SeatRecord> visibleSeats = new ArrayList<>();
        for (SeatRecord seat : seats) {
            visibleSeats.add(shown.contains(seat.seat()) ? seat : seat.withHoleCards(null));
        }
        List<HistoryEvent> visibleEvents = new ArrayList<>();
        for (HistoryEvent event : events) {
            if (event instanceof HistoryEvent.HoleCardsDealt dealt && !shown.contains(dealt.seat())) {
                visibleEvents.add(new HistoryEvent.HoleCardsDealt(dealt.seat(), null));
            } else {
                visibleEvents.add(event);
            }
        }
        return new HandHistory(version, handId, tableId, tableName, currency, status, voidReason, startedAt, endedAt,
                game, button, visibleSeats, deck, board, visibleEvents);
    }

    /** All chips that went into the pot and stayed there (after returned bets): the awards plus the rake. */
    /** The same hand with other events (as when placeholder transfer ids are filled in). */
    public HandHistory withEvents(List<HistoryEvent> newEvents) {
        return new HandHistory(version, handId, tableId, tableName, currency, status, voidReason, startedAt, endedAt,
                game, button, seats, deck, board, newEvents);
    }

    public Money totalPot() {
        Money total = Money.ZERO;
        for (HistoryEvent event : events) {
            if (event instanceof HistoryEvent.PotAwarded || event instanceof HistoryEvent.RakeTaken) {
                total = total.plus(((HistoryEvent.Chips) event).amount());
            }
        }
        return total;
    }

    public Money rake() {
        Money rake = Money.ZERO;
        for (HistoryEvent event : events) {
            if (event instanceof HistoryEvent.RakeTaken taken) {
                rake = rake.plus(taken.amount());
            }
        }
        return rake;
    }

    /** Every ledger transfer of the hand, in the order they were posted. */
    public List<Long> transferIds() {
        List<Long> ids = new ArrayList<>();
        for (HistoryEvent event : events) {
            if (event instanceof HistoryEvent.Chips chips && chips.transferId() != null) {
                ids.add(chips.transferId());
            }
        }
        return ids;
    }
}
