package io.chipledger.server.table;

import io.chipledger.server.game.Deck;
import io.chipledger.server.history.record.DeckRecord;

/**
 * Gives each hand its deck, committed to before anyone could influence it (docs/provably-fair.md). Each table has
 * one pending deck seed: its commitment is announced in the previous hand's {@code handStarted} (and in every
 * snapshot of the table), players may add client seeds against that commitment, and {@link #shuffle} uses it and
 * draws the next one. Called only from the table's own mailbox, one table at a time.
 */
public interface DeckSource {

    /**
     * The commitment to the deck of the table's next hand, drawing its seed now if none is pending (a table that has
     * not dealt since it started): so even the first hand is committed to before a client seed can be sent for it.
     */
    String nextCommitment(long tableId);

    /** The deck of hand {@code handId} at table {@code tableId}, and what its history must record. */
    ShuffledDeck shuffle(long tableId, long handId);

    /**
     * Adds a player's seed to the table's next deck, if {@code commitment} is that deck's (the one announced as
     * {@code nextDeckCommitment}); returns false, changing nothing, when it is not. A second seed from the same seat
     * replaces the first.
     *
     * @throws IllegalArgumentException when the seed is not 1 to 64 printable ASCII characters
     */
    boolean addClientSeed(long tableId, int seat, String player, String commitment, String seed);

    /** A deck ready to deal, and the record of how it was made (revealed in the hand's history). */
    record ShuffledDeck(Deck deck, DeckRecord record) {

        public String commitment() {
            return record.commitment();
        }

        public String nextCommitment() {
            return record.nextCommitment();
        }
    }
}
