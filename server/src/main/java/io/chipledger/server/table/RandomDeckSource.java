package io.chipledger.server.table;

import io.chipledger.server.game.Deck;
import java.security.SecureRandom;

/** Decks shuffled from a {@link SecureRandom}, with no public commitment (the provably fair source replaces this). */
public final class RandomDeckSource implements DeckSource {

    private final SecureRandom random;

    public RandomDeckSource(SecureRandom random) {
        this.random = random;
    }

    @Override
    public ShuffledDeck shuffle(long handId) {
        return new ShuffledDeck(new Deck(random), null);
    }
}
