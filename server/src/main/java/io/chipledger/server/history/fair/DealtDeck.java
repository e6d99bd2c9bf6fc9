package io.chipledger.server.history.fair;

import io.chipledger.server.game.ClientSeed;
import io.chipledger.server.history.record.DeckRecord;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HistoryEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a history says about one hand's deck, whatever its format: the commitment, the revealed seeds, and the cards in
 * the order they were dealt (hole cards seat by seat, then the board); a card the reader may not see is null.
 *
 * @param shown cards each seat showed, by seat: they must be the ones it was dealt
 */
public record DealtDeck(long handId, Long tableId, String scheme, String commitment, String serverSeed,
                        List<ClientSeed> clientSeeds, List<Dealt> dealt, Map<Integer, List<String>> shown,
                        Long announcedInHand, String nextCommitment) {

    public DealtDeck {
        clientSeeds = List.copyOf(clientSeeds);
        dealt = List.copyOf(dealt);
        shown = Map.copyOf(shown);
    }

    /** Cards dealt at once: to a seat ({@code seat} >= 0) or to the board ({@code seat} -1); null cards were hidden. */
    public record Dealt(int seat, int count, List<String> cards) {
    }

    /** The deck of a JSON history; null when it has none (a hand voided by crash recovery). */
    public static DealtDeck of(HandHistory hand) {
        DeckRecord deck = hand.deck();
        if (deck == null) {
            return null;
        }
        List<Dealt> dealt = new ArrayList<>();
        Map<Integer, List<String>> shown = new TreeMap<>();
        for (HistoryEvent event : hand.events()) {
            if (event instanceof HistoryEvent.HoleCardsDealt d) {
                dealt.add(new Dealt(d.seat(), 2, d.cards()));
            } else if (event instanceof HistoryEvent.StreetDealt s) {
                dealt.add(new Dealt(-1, s.cards().size(), s.cards()));
            } else if (event instanceof HistoryEvent.HandShown s) {
                shown.put(s.seat(), s.cards());
            } else if (event instanceof HistoryEvent.HandTabled t) {
                shown.put(t.seat(), t.cards());
            }
        }
        List<ClientSeed> seeds = deck.clientSeeds().stream().map(s -> new ClientSeed(s.seat(), s.seed())).toList();
        return new DealtDeck(hand.handId(), hand.tableId(), deck.scheme(), deck.commitment(), deck.serverSeed(), seeds,
                dealt, shown, deck.announcedInHand(), deck.nextCommitment());
    }
}
