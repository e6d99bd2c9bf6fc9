package io.chipledger.server.game;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DeckTest {

    @Test
    void fisherYatesAsksTheInjectedSourceForOneSwapPerCardFromTheBottomUp() {
        ScriptedRandom random = new ScriptedRandom(bound -> bound - 1);

        new Deck(random);

        List<Integer> expected = new ArrayList<>();
        for (int bound = 52; bound >= 2; bound--) {
            expected.add(bound);
        }
        assertThat(random.bounds).as("nextInt bounds asked, in order").isEqualTo(expected);
    }

    @Test
    void aSourceThatNeverSwapsLeavesTheDeckInIndexOrder() {
        Deck deck = new Deck(new ScriptedRandom(bound -> bound - 1));

        assertThat(deck.deal(5)).extracting(Card::toString).containsExactly("2c", "2d", "2h", "2s", "3c");
    }

    @Test
    void aSourceThatAlwaysSwapsWithTheTopCardRotatesTheDeckByOne() {
        Deck deck = new Deck(new ScriptedRandom(bound -> 0));

        List<Card> cards = deck.deal(52);

        assertThat(cards.subList(0, 3)).extracting(Card::toString).containsExactly("2d", "2h", "2s");
        assertThat(cards.get(51)).hasToString("2c");
    }

    @Test
    void theSameSeedDealsTheSameDeckAndEveryCardExactlyOnce() {
        List<Card> first = new Deck(new SplittableRandom(42L)).deal(52);
        List<Card> again = new Deck(new SplittableRandom(42L)).deal(52);
        List<Card> other = new Deck(new SplittableRandom(43L)).deal(52);

        assertThat(new HashSet<>(first)).hasSize(52);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first).containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void dealingPastTheLastCardIsRefused() {
        Deck deck = new Deck(new SplittableRandom(1L));
        deck.deal(50);

        assertThatThrownBy(() -> deck.deal(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot deal 3 cards from 2");
        assertThat(deck.remaining()).isEqualTo(2);
        deck.deal(2);
        assertThatThrownBy(deck::deal).isInstanceOf(IllegalStateException.class);
    }

    /** Answers {@code nextInt(bound)} from a script and remembers the bounds it was asked for. */
    private static final class ScriptedRandom implements RandomGenerator {
        final List<Integer> bounds = new ArrayList<>();
        private final IntUnaryOperator answer;

        ScriptedRandom(IntUnaryOperator answer) {
            this.answer = answer;
        }

        @Override
        public int nextInt(int bound) {
            bounds.add(bound);
            return answer.applyAsInt(bound);
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("a deck shuffles with nextInt(bound) only");
        }
    }
}
