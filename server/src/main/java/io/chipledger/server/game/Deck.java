package io.chipledger.server.game;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A 52-card deck shuffled once, on creation, by Fisher-Yates from an injected random source (a seeded generator in
 * tests) or put in an order derived elsewhere ({@link SeededShuffle} in production), then dealt from the top.
 */
public final class Deck {

    private final int[] order = new int[52];
    private int next;

    private Deck(int[] order) {
        if (order.length != 52) {
            throw new IllegalArgumentException("a deck has 52 cards, not " + order.length);
        }
        boolean[] seen = new boolean[52];
        for (int i = 0; i < 52; i++) {
            Card.of(order[i]); // refuses an index outside 0..51
            if (seen[order[i]]) {
                throw new IllegalArgumentException("card " + Card.of(order[i]) + " appears twice in the deck");
            }
            seen[order[i]] = true;
            this.order[i] = order[i];
        }
    }

    /** A deck already in the given order (card indexes, position 0 dealt first), e.g. from {@link SeededShuffle}. */
    public static Deck inOrder(int[] order) {
        return new Deck(order);
    }

    public Deck(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // Fisher-Yates: every one of the 52! orders is equally likely when nextInt is uniform.
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int card = order[i];
            order[i] = order[j];
            order[j] = card;
        }
    }

    public Card deal() {
        if (next == order.length) {
            throw new IllegalStateException("the deck is empty");
        }
        return Card.of(order[next++]);
    }

    public List<Card> deal(int count) {
        if (count < 0 || count > remaining()) {
            throw new IllegalArgumentException("cannot deal " + count + " cards from " + remaining());
        }
        List<Card> cards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cards.add(deal());
        }
        return List.copyOf(cards);
    }

    public int remaining() {
        return order.length - next;
    }
}
