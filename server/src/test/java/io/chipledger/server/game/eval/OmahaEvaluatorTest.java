package io.chipledger.server.game.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.server.game.Card;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Omaha evaluator against the brute-force reference (every two hole cards with every three board cards, by
 * {@link ReferenceEvaluator#evaluate5}) on hundreds of thousands of random hands from fixed seeds, value for value:
 * dealt from a full deck, from two suits only (so flushes and the four-flush board traps are common), with five hole
 * cards, and on flop and turn boards. Then the traps a Texas hold'em evaluator would fall into, one by one.
 */
class OmahaEvaluatorTest {

    @Test
    void randomOmahaHandsGetTheBruteForceStrength() {
        assertAgreement(new SplittableRandom(21L), 4, 4, 5, 200_000);
    }

    @Test
    void randomHandsFromTwoSuitsWhereFlushesAreCommonGetTheBruteForceStrength() {
        assertAgreement(new SplittableRandom(2121L), 2, 4, 5, 100_000);
    }

    @Test
    void fiveCardOmahaAndFlopAndTurnBoardsGetTheBruteForceStrength() {
        assertAgreement(new SplittableRandom(5L), 4, 5, 5, 40_000);
        assertAgreement(new SplittableRandom(3L), 3, 4, 3, 40_000);
        assertAgreement(new SplittableRandom(4L), 4, 4, 4, 40_000);
    }

    @Test
    void oneHoleHeartWithFourHeartsOnTheBoardIsNoFlush() {
        assertThat(category("Ah2s3d4c", "KhQhJh9h2c")).isEqualTo(HandCategory.ONE_PAIR);
        assertThat(category("Ah2h3d4c", "KhQhJh9s2c")).isEqualTo(HandCategory.FLUSH);
    }

    @Test
    void fourToAStraightOnTheBoardNeedsTwoHoleCards() {
        assertThat(category("Ts2c2d3h", "JsQdKhAc7c")).isEqualTo(HandCategory.ONE_PAIR);
        assertThat(category("Ts9c2d3h", "JsQdKhAc7c")).isEqualTo(HandCategory.STRAIGHT);
    }

    @Test
    void fourOfAKindInTheHandMakesOnlyAPairAndTripsOnTheBoardNeedAPairForAFullHouse() {
        assertThat(category("AsAhAdAc", "2c7d9hJsKd")).isEqualTo(HandCategory.ONE_PAIR);
        assertThat(category("AsKh4d5c", "QcQdQh2s7d")).isEqualTo(HandCategory.THREE_OF_A_KIND);
        assertThat(category("AsAh4d5c", "QcQdQh2s7d")).isEqualTo(HandCategory.FULL_HOUSE);
    }

    @Test
    void theWheelUsesTheAceAndTheDeuceFromTheHand() {
        assertThat(category("As2dKcKh", "3c4h5sJdQc")).isEqualTo(HandCategory.STRAIGHT);
    }

    @Test
    void theDescriptionShowsTwoHoleCardsAndThreeBoardCards() {
        HandValue value = HandEvaluator.describeOmaha(cards("Js2s5h6h"), cards("AhKhQh2h7c"));

        assertThat(value.name()).isEqualTo("a flush, Ace high");
        assertThat(value.cardsText()).isEqualTo("Ah Kh Qh 6h 5h");
        assertThat(value.strength()).isEqualTo(HandRanking.OMAHA.strength(cards("Js2s5h6h"), cards("AhKhQh2h7c")));
    }

    @Test
    void twoPairOnTheBoardIsNotTheHandTheHoleCardsMake() {
        HandValue value = HandEvaluator.describeOmaha(cards("2c3d8s9h"), cards("AsAdKcKh7c"));

        assertThat(value.name()).isEqualTo("a pair of Aces");
        assertThat(value.cardsText()).isEqualTo("As Ad Kh 9h 8s");
    }

    @Test
    void whenCombinationsTieTheHighestCardsAreShown() {
        HandValue value = HandEvaluator.describeOmaha(cards("9d2c9s9h"), cards("AsAdKcKh7c"));

        assertThat(value.name()).isEqualTo("two pair, Aces and Nines");
        assertThat(value.cardsText()).isEqualTo("As Ad 9s 9h Kh");
    }

    @Test
    void aDescriptionRefusesTooFewCardsAndRepeatedOnes() {
        assertThatThrownBy(() -> HandEvaluator.describeOmaha(cards("As"), cards("KcQcJc")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandEvaluator.describeOmaha(cards("AsKs2c3c"), cards("AsQcJc")))
                .hasMessageContaining("twice");
    }

    private static HandCategory category(String hole, String board) {
        int strength = HandRanking.OMAHA.strength(cards(hole), cards(board));
        assertThat(strength).isEqualTo(ReferenceEvaluator.evaluateOmaha(indexes(hole), indexes(board)));
        return HandEvaluator.category(strength);
    }

    /** Deals {@code hands} random hands from the cards of the first {@code suits} suits; compares value for value. */
    private static void assertAgreement(SplittableRandom random, int suits, int holeCount, int boardCount, int hands) {
        int deckSize = 13 * suits;
        int[] deck = new int[deckSize];
        for (int i = 0; i < deckSize; i++) {
            deck[i] = (i / suits) * 4 + i % suits;
        }
        int[] hole = new int[holeCount];
        int[] board = new int[boardCount];
        long disagreements = 0;
        List<String> examples = new ArrayList<>();
        for (int n = 0; n < hands; n++) {
            for (int i = 0; i < holeCount + boardCount; i++) {
                int j = i + random.nextInt(deckSize - i);
                int card = deck[j];
                deck[j] = deck[i];
                deck[i] = card;
                if (i < holeCount) {
                    hole[i] = card;
                } else {
                    board[i - holeCount] = card;
                }
            }
            int fast = HandEvaluator.evaluateOmaha(hole, board);
            int reference = ReferenceEvaluator.evaluateOmaha(hole, board);
            if (fast != reference) {
                disagreements++;
                if (examples.size() < 5) {
                    examples.add(Arrays.toString(hole) + " " + Arrays.toString(board) + ": " + fast + " != " + reference);
                }
            }
        }
        assertThat(disagreements).as("disagreements, e.g. %s", examples).isZero();
    }

    private static List<Card> cards(String text) {
        List<Card> cards = new ArrayList<>();
        for (int i = 0; i < text.length(); i += 2) {
            cards.add(Card.parse(text.substring(i, i + 2)));
        }
        return cards;
    }

    private static int[] indexes(String text) {
        return cards(text).stream().mapToInt(Card::index).toArray();
    }
}
