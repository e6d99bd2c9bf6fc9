package io.chipledger.server.table;

import io.chipledger.server.game.Deck;

/** Gives each hand its shuffled deck and the public commitment to it (published before the first card). */
public interface DeckSource {

    ShuffledDeck shuffle(long handId);

    /** A deck and the commitment to it; {@code commitment} may be null where no commitment scheme is used. */
    record ShuffledDeck(Deck deck, String commitment) {
    }
}
