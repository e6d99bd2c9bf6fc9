package io.chipledger.server.game;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A 52-card deck shuffled once, on creation, by Fisher-Yates from an injected random source (a {@code SecureRandom}
 * in production, a seeded generator in tests), then dealt from the top.
 */
public final class Deck {

    private final int[] order = new int[52];
    private int next;

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
