package io.chipledger.server.game.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.server.game.Card;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Poker's ordering rules, one hand-picked case each, through the public entry point. */
class HandEvaluatorTest {

    @Test
    void royalFlushBeatsKingHighStraightFlush() {
        assertThat(strength("As Ks Qs Js Ts")).isGreaterThan(strength("Kh Qh Jh Th 9h"));
    }

    @Test
    void steelWheelIsTheLowestStraightFlushButBeatsFourAces() {
        assertThat(strength("5d 4d 3d 2d Ad")).isLessThan(strength("6c 5c 4c 3c 2c"));
        assertThat(strength("5d 4d 3d 2d Ad")).isGreaterThan(strength("As Ah Ac Ad Ks"));
    }

    @Test
    void wheelIsTheLowestStraightYetBeatsThreeAces() {
        assertThat(strength("5d 4c 3h 2s Ad")).isLessThan(strength("6c 5d 4h 3s 2c"));
        assertThat(strength("5d 4c 3h 2s Ad")).isGreaterThan(strength("As Ah Ac Kd Qs"));
        assertThat(HandEvaluator.category(strength("5d 4c 3h 2s Ad"))).isEqualTo(HandCategory.STRAIGHT);
    }

    @Test
    void aceCannotWrapAroundAStraight() {
        assertThat(HandEvaluator.category(strength("Qd Kc Ah 2s 3d"))).isEqualTo(HandCategory.HIGH_CARD);
    }

    @Test
    void categoriesRankFromHighCardToStraightFlush() {
        int[] ascending = {
            strength("As Kd Qh Jc 9s"), strength("2s 2d 3h 4c 5s"), strength("2s 2d 3h 3c 4s"),
            strength("2s 2d 2h 3c 4s"), strength("6s 5d 4h 3c 2s"), strength("7s 5s 4s 3s 2s"),
            strength("2s 2d 2h 3c 3s"), strength("2s 2d 2h 2c 3s"), strength("6s 5s 4s 3s 2s"),
        };
        for (int i = 0; i < ascending.length; i++) {
            assertThat(HandEvaluator.category(ascending[i])).isEqualTo(HandCategory.values()[i]);
            if (i > 0) {
                assertThat(ascending[i]).isGreaterThan(ascending[i - 1]);
            }
        }
    }

    @Test
    void flushIsDecidedByItsHighestDifferingCard() {
        assertThat(strength("Ah Jh 9h 6h 3h")).isGreaterThan(strength("Ac Jc 9c 6c 2c"));
        assertThat(strength("Ah Jh 9h 6h 3h")).isEqualTo(strength("Ad Jd 9d 6d 3d"));
    }

    @Test
    void fullHouseIsDecidedByItsTripsBeforeItsPair() {
        assertThat(strength("3s 3d 3h 2c 2s")).isGreaterThan(strength("2s 2d 2h Ac As"));
    }

    @Test
    void twoTripsMakeAFullHouseOfTheHigherOverTheLower() {
        int twoTrips = strength("Ks Kd Kh 9c 9s 9d 2c");
        assertThat(twoTrips).isEqualTo(strength("Kc Kd Kh 9c 9s"));
    }

    @Test
    void aThirdPairCanOnlyServeAsTheKicker() {
        // K K Q Q 7 7 2: the sevens are the kicker and beat a six, the deuce plays no part.
        assertThat(strength("Ks Kd Qh Qc 7s 7d 2c")).isEqualTo(strength("Ks Kd Qh Qc 7h"));
        assertThat(strength("Ks Kd Qh Qc 7s 7d 2c")).isGreaterThan(strength("Kh Kc Qs Qd 6s 5d 4c"));
    }

    @Test
    void kickerBreaksATieBetweenEqualPairs() {
        assertThat(strength("Ks Kd Ah 9c 5s")).isGreaterThan(strength("Kh Kc Qs Jd Ts"));
        assertThat(strength("Ks Kd Ah 9c 5s")).isGreaterThan(strength("Kh Kc Ad 9s 4c"));
    }

    @Test
    void suitsNeverBreakATie() {
        assertThat(strength("As Kd 9h 7c 4s 3d 2h")).isEqualTo(strength("Ac Kh 9d 7s 4c 3h 2d"));
    }

    @Test
    void boardThatPlaysSplitsThePot() {
        String board = "Ts Jd Qh Kc Ad";
        assertThat(strength(board + " 2c 3d")).isEqualTo(strength(board + " 4h 5s"));
    }

    @Test
    void sixCardsRankAsTheirBestFive() {
        assertThat(strength("9h 8h 7h 6h 5h Ah")).isEqualTo(strength("9h 8h 7h 6h 5h"));
        assertThat(strength("As Ad Kh Kc Qs Qd")).isEqualTo(strength("As Ad Kh Kc Qs"));
    }

    @Test
    void flushAmongSevenCardsOutranksTheStraightBesideIt() {
        // Nine to King is a straight, but the five hearts make a King-high flush.
        assertThat(strength("9h Th Jc Qd Kh 2h 5h")).isEqualTo(strength("Kh Th 9h 5h 2h"));
    }

    @Test
    void sixSuitedCardsWithAStraightInsideThemMakeAStraightFlush() {
        assertThat(strength("2d 4d 5d 6d 7d 8d As")).isEqualTo(strength("4d 5d 6d 7d 8d"));
    }

    @Test
    void fastStrengthIsTheReferenceStrengthForKnownHands() {
        for (String hand : new String[] {"As Ks Qs Js Ts 2c 2d", "5d 4c 3h 2s Ad Ac Ah", "7c 7d 7h 7s 2c 2d 2h"}) {
            int[] c = cards(hand);
            assertThat(HandEvaluator.evaluate7(c[0], c[1], c[2], c[3], c[4], c[5], c[6]))
                    .as(hand)
                    .isEqualTo(ReferenceEvaluator.evaluate7(c));
        }
    }

    /** Strength of five, six or seven cards written as text. */
    static int strength(String text) {
        int[] c = cards(text);
        return switch (c.length) {
            case 5 -> HandEvaluator.evaluate5(c[0], c[1], c[2], c[3], c[4]);
            case 6 -> HandEvaluator.evaluate6(c[0], c[1], c[2], c[3], c[4], c[5]);
            case 7 -> HandEvaluator.evaluate7(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
            default -> throw new IllegalArgumentException(text);
        };
    }

    static int[] cards(String text) {
        return Arrays.stream(text.trim().split("\\s+")).mapToInt(card -> Card.parse(card).index()).toArray();
    }
}
