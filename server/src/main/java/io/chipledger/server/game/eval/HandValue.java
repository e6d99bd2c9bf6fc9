package io.chipledger.server.game.eval;

import io.chipledger.server.game.Card;
import java.util.List;
import java.util.Objects;

/**
 * A hand as shown at showdown and in hand histories: its category, its strength (as {@link HandEvaluator} returns
 * it, so two values compare by strength), the five cards that make it in display order, and its name, e.g.
 * {@code "two pair, Kings and Nines"}.
 */
public record HandValue(HandCategory category, int strength, List<Card> bestFive, String name)
        implements Comparable<HandValue> {

    public HandValue {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(name, "name");
        bestFive = List.copyOf(bestFive);
        if (bestFive.size() != 5) {
            throw new IllegalArgumentException("a hand value shows five cards, not " + bestFive.size());
        }
    }

    /** Stronger hands compare greater; equal strengths are a tie whatever the suits. */
    @Override
    public int compareTo(HandValue other) {
        return Integer.compare(strength, other.strength);
    }

    /** The best five as text, e.g. {@code "Kh Kd 9s 9c As"}. */
    public String cardsText() {
        StringBuilder text = new StringBuilder();
        for (Card card : bestFive) {
            text.append(text.length() == 0 ? "" : " ").append(card);
        }
        return text.toString();
    }
}
