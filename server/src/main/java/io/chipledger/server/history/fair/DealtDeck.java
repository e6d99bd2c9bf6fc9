package io.chipledger.server.history.fair;

import io.chipledger.server.game.ClientSeed;
import io.chipledger.server.history.record.DeckRecord;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HistoryEvent;
import io.chipledger.server.history.record.SeatRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a history says about one hand's deck, whatever its format: the commitment and the revealed seeds; who
 * was dealt in, in what order, and where the button was (which fix each card's place in the deck); the cards in the
 * order they were dealt; and every other place the file states cards (a seat's hole cards, a hand shown or tabled,
 * the board). A card the reader may not see is null. Seats are table seats counted from 0.
 *
 * @param holdings cards the file says a seat held, wherever it says so: each must be what the deck dealt that seat
 * @param board    the board as the file states it apart from the dealing, or null where the format has none
 */
public record DealtDeck(long handId, Long tableId, String scheme, String commitment, String serverSeed,
                        List<ClientSeed> clientSeeds, Seating seating, List<Dealt> dealt, List<Holding> holdings,
                        List<String> board, Long announcedInHand, String nextCommitment) {

    public DealtDeck {
        clientSeeds = List.copyOf(clientSeeds);
        dealt = List.copyOf(dealt);
        holdings = List.copyOf(holdings);
        board = board == null ? null : List.copyOf(board);
    }

    /**
     * Who was dealt in, as the file lists them (the dealing order: left of the button round to the button), the
     * button's seat (null where the format leaves it implicit: the last seat listed), the table's size and how many
     * hole cards each seat was dealt (two in Hold'em, four in Omaha).
     */
    public record Seating(List<Integer> order, Integer button, int seatCount, int holeCards) {
        public Seating {
            order = List.copyOf(order);
        }
    }

    /** Cards dealt at once: to a seat ({@code seat} >= 0) or to the board ({@code seat} -1); null cards were hidden. */
    public record Dealt(int seat, int count, List<String> cards) {
    }

    /** Cards a seat held, as one place in the file ({@code where}) states them. */
    public record Holding(int seat, List<String> cards, String where) {
    }

    /** The deck of a JSON history; null when it has none (a hand voided by crash recovery). */
    public static DealtDeck of(HandHistory hand) {
        DeckRecord deck = hand.deck();
        if (deck == null) {
            return null;
        }
        List<Dealt> dealt = new ArrayList<>();
        List<Holding> holdings = new ArrayList<>();
        for (SeatRecord seat : hand.seats()) {
            if (seat.holeCards() != null) {
                holdings.add(new Holding(seat.seat(), seat.holeCards(), "seats[]"));
            }
        }
        int holeCards = hand.game() == null ? 2 : hand.game().engineVariant().holeCards();
        for (HistoryEvent event : hand.events()) {
            if (event instanceof HistoryEvent.HoleCardsDealt d) {
                dealt.add(new Dealt(d.seat(), holeCards, d.cards()));
            } else if (event instanceof HistoryEvent.StreetDealt s) {
                dealt.add(new Dealt(-1, s.cards().size(), s.cards()));
            } else if (event instanceof HistoryEvent.HandShown s) {
                holdings.add(new Holding(s.seat(), s.cards(), "shown at showdown"));
            } else if (event instanceof HistoryEvent.HandTabled t) {
                holdings.add(new Holding(t.seat(), t.cards(), "tabled all-in"));
            }
        }
        List<ClientSeed> seeds = deck.clientSeeds().stream().map(s -> new ClientSeed(s.seat(), s.seed())).toList();
        Seating seating = new Seating(hand.seats().stream().map(SeatRecord::seat).toList(), hand.button(),
                hand.game() == null ? 0 : hand.game().seatCount(), holeCards);
        return new DealtDeck(hand.handId(), hand.tableId(), deck.scheme(), deck.commitment(), deck.serverSeed(), seeds,
                seating, dealt, holdings, hand.board(), deck.announcedInHand(), deck.nextCommitment());
    }
}
