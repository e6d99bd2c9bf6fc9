package io.chipledger.server.game.eval;

import static io.chipledger.server.game.eval.HandEvaluatorTest.cards;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.server.game.Card;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Showdown names and card order, through {@link HandEvaluator#describe}. */
class HandDescriberTest {

    @Test
    void highCardIsNamedByItsTopCard() {
        assertDescribed("2c 9d As 4h Jc 7s 3d", "high card Ace", "As Jc 9d 7s 4h");
    }

    @Test
    void pairIsNamedByItsRankAndShownFirst() {
        assertDescribed("Kh 3c Kd 8s 2h Qc 5d", "a pair of Kings", "Kh Kd Qc 8s 5d");
    }

    @Test
    void twoPairNamesTheHigherPairFirst() {
        assertDescribed("9s As Kh 9c Kd", "two pair, Kings and Nines", "Kh Kd 9s 9c As");
    }

    @Test
    void threeOfAKindIsNamedByItsRank() {
        assertDescribed("Qs Qh 2c Qd 7h", "three of a kind, Queens", "Qs Qh Qd 7h 2c");
    }

    @Test
    void broadwayIsATenToAceStraight() {
        assertDescribed("Ts Jd Qh Kc Ad 2c 2d", "a straight, Ten to Ace", "Ad Kc Qh Jd Ts");
    }

    @Test
    void wheelIsShownFiveFirstWithItsAceLast() {
        assertDescribed("Ad 2c 3h 4s 5d Kc", "a straight, Ace to Five", "5d 4s 3h 2c Ad");
    }

    @Test
    void flushIsNamedByItsHighCard() {
        assertDescribed("Ah 9h 3h Jh 6h", "a flush, Ace high", "Ah Jh 9h 6h 3h");
    }

    @Test
    void fullHouseNamesTripsFullOfPair() {
        assertDescribed("9c Ks 9d Kh Kd", "a full house, Kings full of Nines", "Ks Kh Kd 9d 9c");
    }

    @Test
    void fourOfAKindIsNamedByItsRank() {
        assertDescribed("Ac As 2d Ah Ad 7c", "four of a kind, Aces", "As Ah Ad Ac 7c");
    }

    @Test
    void straightFlushIsNamedLowToHigh() {
        assertDescribed("9d Td Jd Qd Kd 2c", "a straight flush, Nine to King", "Kd Qd Jd Td 9d");
    }

    @Test
    void steelWheelEndsOnItsAce() {
        assertDescribed("Ac 2c 3c 4c 5c", "a straight flush, Ace to Five", "5c 4c 3c 2c Ac");
    }

    @Test
    void aceHighStraightFlushIsARoyalFlush() {
        assertDescribed("As Ks Qs Js Ts 9s 8s", "a royal flush", "As Ks Qs Js Ts");
    }

    @Test
    void ofTiedFivesTheOneWithHigherSuitsIsShownWhateverTheDealOrder() {
        assertDescribed("9c Ks 9d Kh Kd 9s", "a full house, Kings full of Nines", "Ks Kh Kd 9s 9d");
        assertDescribed("9s Kd Kh 9d Ks 9c", "a full house, Kings full of Nines", "Ks Kh Kd 9s 9d");
    }

    @Test
    void describeAcceptsCardsAsWellAsIndices() {
        List<Card> hand = Arrays.stream("Kh Kd 9s 9c As".split(" ")).map(Card::parse).collect(Collectors.toList());
        assertThat(HandEvaluator.describe(hand)).isEqualTo(HandEvaluator.describe(cards("Kh Kd 9s 9c As")));
    }

    @Test
    void describedStrengthAndBestFiveAgreeWithTheEvaluator() {
        SplittableRandom random = new SplittableRandom(11L);
        int[] deck = HandEvaluatorAgreementTest.freshDeck();
        int[] hand = new int[7];
        for (int i = 0; i < 20_000; i++) {
            HandEvaluatorAgreementTest.deal(random, deck, hand);
            HandValue value = HandEvaluator.describe(hand);
            int strength = HandEvaluator.evaluate7(hand[0], hand[1], hand[2], hand[3], hand[4], hand[5], hand[6]);
            int[] five = value.bestFive().stream().mapToInt(Card::index).toArray();
            assertThat(value.strength()).isEqualTo(strength);
            assertThat(value.category()).isEqualTo(HandEvaluator.category(strength));
            assertThat(HandEvaluator.evaluate5(five[0], five[1], five[2], five[3], five[4])).isEqualTo(strength);
            assertThat(Arrays.stream(five).allMatch(card -> Arrays.stream(hand).anyMatch(h -> h == card))).isTrue();
        }
    }

    @Test
    void fiveAndSixCardHandsAreDescribedWithTheEvaluatorsStrengthCategoryAndBestFive() {
        SplittableRandom random = new SplittableRandom(56L);
        int[] deck = HandEvaluatorAgreementTest.freshDeck();
        int[] five = new int[5];
        int[] six = new int[6];
        for (int i = 0; i < 10_000; i++) {
            HandEvaluatorAgreementTest.deal(random, deck, five);
            HandValue fiveValue = HandEvaluator.describe(five);
            int fiveStrength = HandEvaluator.evaluate5(five[0], five[1], five[2], five[3], five[4]);
            assertThat(fiveValue.strength()).isEqualTo(fiveStrength);
            assertThat(fiveValue.category()).isEqualTo(HandEvaluator.category(fiveStrength));
            assertThat(fiveValue.bestFive()).extracting(Card::index)
                    .containsExactlyInAnyOrder(Arrays.stream(five).boxed().toArray(Integer[]::new));

            HandEvaluatorAgreementTest.deal(random, deck, six);
            HandValue sixValue = HandEvaluator.describe(six);
            int sixStrength = HandEvaluator.evaluate6(six[0], six[1], six[2], six[3], six[4], six[5]);
            int[] best = sixValue.bestFive().stream().mapToInt(Card::index).toArray();
            assertThat(sixValue.strength()).isEqualTo(sixStrength);
            assertThat(sixValue.category()).isEqualTo(HandEvaluator.category(sixStrength));
            assertThat(HandEvaluator.evaluate5(best[0], best[1], best[2], best[3], best[4])).isEqualTo(sixStrength);
            assertThat(Arrays.stream(six).boxed().toList()).containsAll(Arrays.stream(best).boxed().toList());
        }
    }

    @Test
    void strongerHandValuesCompareGreaterAndEqualStrengthsTie() {
        HandValue kings = HandEvaluator.describe(cards("Kh Kd 9s 9c As"));
        HandValue sameInOtherSuits = HandEvaluator.describe(cards("Ks Kc 9h 9d Ad"));
        HandValue aces = HandEvaluator.describe(cards("Ah Ad 2s 2c 3s"));
        assertThat(kings).isEqualByComparingTo(sameInOtherSuits);
        assertThat(aces).isGreaterThan(kings);
    }

    @Test
    void fewerThanFiveCardsAreRejected() {
        assertThatThrownBy(() -> HandEvaluator.describe(cards("As Ks Qs Js")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("five to seven cards");
    }

    @Test
    void eightCardsAreRejected() {
        assertThatThrownBy(() -> HandEvaluator.describe(cards("As Ks Qs Js Ts 9s 8s 7s")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not 8");
    }

    @Test
    void aRepeatedCardIsRejectedByName() {
        assertThatThrownBy(() -> HandEvaluator.describe(cards("As Ks Qs Js As")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("As appears twice");
    }

    @Test
    void aCardIndexOutsideTheDeckIsRejected() {
        assertThatThrownBy(() -> HandEvaluator.describe(0, 1, 2, 3, 52))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("52");
    }

    private static void assertDescribed(String hand, String name, String bestFive) {
        HandValue value = HandEvaluator.describe(cards(hand));
        assertThat(value.name()).isEqualTo(name);
        assertThat(value.cardsText()).isEqualTo(bestFive);
    }
}
