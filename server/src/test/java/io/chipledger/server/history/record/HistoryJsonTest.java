package io.chipledger.server.history.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.server.history.ScriptedHand;
import org.junit.jupiter.api.Test;

class HistoryJsonTest {

    @Test
    void aHistoryRoundTripsThroughItsJson() {
        for (HandHistory hand : ScriptedHand.goldenHands()) {
            assertThat(HistoryJson.read(HistoryJson.write(hand))).isEqualTo(hand);
        }
    }

    @Test
    void anOmahaHistoryNamesItsGameAndRoundTripsWithFourHoleCards() {
        HandHistory hand = ScriptedHand.omahaSplitAndSidePot();
        String json = HistoryJson.write(hand);

        assertThat(json).contains("\"variant\":\"PLO\"").contains("[\"As\",\"Kd\",\"Qh\",\"2c\"]");
        assertThat(HistoryJson.read(json)).isEqualTo(hand);
        assertThat(hand.game().engineVariant().holeCards()).isEqualTo(4);
    }

    @Test
    void amountsAreStringsWithTwoDecimalsAndHiddenCardsAreAbsent() {
        HandHistory hand = ScriptedHand.splitPotWithOddCent();
        String json = HistoryJson.write(hand);
        assertThat(json).contains("\"smallBlind\":\"0.25\"").contains("\"amount\":\"0.63\",\"oddCent\":true")
                .contains("\"startedAt\":\"2026-11-25T19:03:07Z\"").contains("\"rakePercent\":\"0\"");
        long alice = hand.seats().get(0).playerId();
        String seen = HistoryJson.write(hand.seenBy(alice));
        assertThat(seen).contains("\"cards\":[\"2c\",\"3d\"]");
        assertThat(hand.seenBy(alice).seats().get(1).holeCards()).as("bob showed").containsExactly("4h", "4d");
    }

    @Test
    void aPlayerDoesNotSeeCardsThatWereNeverShown() {
        HandHistory hand = ScriptedHand.uncalledBetAndRake();
        long bob = hand.seats().stream().filter(s -> s.player().equals("bob")).findFirst().orElseThrow().playerId();
        HandHistory seen = hand.seenBy(bob);
        assertThat(seen.seats()).allMatch(s -> s.player().equals("bob") == (s.holeCards() != null));
        assertThat(seen.events()).filteredOn(e -> e instanceof HistoryEvent.HoleCardsDealt d && d.cards() != null)
                .hasSize(1);
    }

    @Test
    void stacksFollowTheChipsTheEventsMoved() {
        HandHistory hand = ScriptedHand.sidePots();
        assertThat(hand.seats()).extracting(s -> s.player() + " " + s.finalStack())
                .containsExactly("alice 80.00", "bob 90.00", "carol 0.00", "dave 100.00");
        assertThat(hand.totalPot().toString()).isEqualTo("270.00");
    }
}
