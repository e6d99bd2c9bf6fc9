package io.chipledger.server.table;

import io.chipledger.server.game.Card;
import io.chipledger.server.game.Deck;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link DeckSource} whose next deck starts with the cards a test names, in that order (the rest follow), so a
 * showdown can be arranged; commitments and client seeds are the provably fair source's, only the order is stacked.
 */
final class StackedDeckSource implements DeckSource {

    private final ProvablyFairDeckSource fair = new ProvablyFairDeckSource(new SecureRandom());
    private final List<Card> top;

    StackedDeckSource(String... cardsOnTop) {
        this.top = java.util.Arrays.stream(cardsOnTop).map(Card::parse).toList();
    }

    @Override
    public String nextCommitment(long tableId) {
        return fair.nextCommitment(tableId);
    }

    @Override
    public ShuffledDeck shuffle(long tableId, long handId) {
        ShuffledDeck shuffled = fair.shuffle(tableId, handId);
        Set<Integer> order = new LinkedHashSet<>();
        top.forEach(card -> order.add(card.index()));
        List<Card> rest = new ArrayList<>(shuffled.deck().deal(52));
        rest.forEach(card -> order.add(card.index()));
        return new ShuffledDeck(Deck.inOrder(order.stream().mapToInt(Integer::intValue).toArray()), shuffled.record());
    }

    @Override
    public boolean addClientSeed(long tableId, int seat, String player, String commitment, String seed) {
        return fair.addClientSeed(tableId, seat, player, commitment, seed);
    }
}
