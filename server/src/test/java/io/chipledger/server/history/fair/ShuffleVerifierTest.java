package io.chipledger.server.history.fair;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import io.chipledger.server.game.holdem.HandCommand;
import io.chipledger.server.game.holdem.HoldemHand;
import io.chipledger.server.game.holdem.LegalActions;
import io.chipledger.server.game.holdem.Stakes;
import io.chipledger.server.game.holdem.Variant;
import io.chipledger.server.history.export.PhhWriter;
import io.chipledger.server.history.record.DeckRecord;
import io.chipledger.server.history.record.GameRecord;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandHistoryRecorder;
import io.chipledger.server.history.record.HandPlayer;
import io.chipledger.server.history.record.HistoryEvent;
import io.chipledger.server.history.record.HistoryJson;
import io.chipledger.server.table.ProvablyFairDeckSource;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShuffleVerifierTest {

    private final ProvablyFairDeckSource decks = new ProvablyFairDeckSource(new SecureRandom());

    /** Hands of one table dealt by the provably fair source, passive play to showdown; client seeds in the second. */
    private List<HandHistory> honestHands() {
        List<HandHistory> hands = new ArrayList<>();
        var players = List.of(new HandHistoryRecorder.Participant(0, 1, "alice", Money.parse("50.00")),
                new HandHistoryRecorder.Participant(2, 2, "bob", Money.parse("50.00")),
                new HandHistoryRecorder.Participant(4, 3, "carol", Money.parse("50.00")));
        var table = new HandPlayer.Table(9, "Elm", "CHP", GameRecord.of(Stakes.blinds(Money.parse("0.50"), Money.parse("1.00")),
                RakeRule.NONE, 6), 4, players);
        for (long handId = 41; handId <= 43; handId++) {
            var shuffled = decks.shuffle(9, handId);
            hands.add(HandPlayer.play(table, handId, shuffled.deck(), shuffled.record(), ShuffleVerifierTest::checkOrCall,
                    handId * 100, Instant.parse("2026-11-25T10:00:00Z"), Instant.parse("2026-11-25T10:01:00Z")));
            if (handId == 41) {
                assertThat(decks.addClientSeed(9, 0, "alice", shuffled.nextCommitment(), "alice-entropy-1")).isTrue();
                assertThat(decks.addClientSeed(9, 2, "bob", "0".repeat(64), "too-late")).isFalse();
            }
        }
        assertThat(hands.get(1).deck().clientSeeds()).extracting(DeckRecord.ClientSeedRecord::seed).containsExactly("alice-entropy-1");
        return hands;
    }

    private static HandCommand checkOrCall(HoldemHand hand) {
        LegalActions legal = hand.legalActions().orElseThrow();
        int seat = hand.actor().getAsInt();
        return legal.canCheck() ? new HandCommand.Check(seat) : new HandCommand.Call(seat);
    }

    private static List<ShuffleVerifier.Verdict> verifyAll(List<HandHistory> hands) {
        ShuffleVerifier verifier = new ShuffleVerifier();
        return hands.stream().map(h -> verifier.verify(DealtDeck.of(h))).toList();
    }

    @Test
    void honestHandsCheckOutCardByCard() {
        List<ShuffleVerifier.Verdict> verdicts = verifyAll(honestHands());
        assertThat(verdicts).allMatch(ShuffleVerifier.Verdict::honest, verdicts.toString());
        assertThat(verdicts).allMatch(v -> v.cardsChecked() >= 3 * 2 + 5, "every hole card and the board");
    }

    @Test
    void aChangedCardIsCaught() {
        List<HandHistory> hands = new ArrayList<>(honestHands());
        String json = HistoryJson.write(hands.get(1));
        HistoryEvent.StreetDealt flop = hands.get(1).events().stream().filter(e -> e instanceof HistoryEvent.StreetDealt)
                .map(e -> (HistoryEvent.StreetDealt) e).findFirst().orElseThrow();
        String card = flop.cards().get(0);
        String other = card.equals("2c") ? "3c" : "2c";
        hands.set(1, HistoryJson.read(json.replace("\"cards\":[\"" + card + "\"", "\"cards\":[\"" + other + "\"")));

        List<ShuffleVerifier.Verdict> verdicts = verifyAll(hands);

        assertThat(verdicts.get(0).honest()).isTrue();
        assertThat(verdicts.get(1).problems()).anyMatch(p -> p.startsWith("the board got"));
    }

    @Test
    void aChangedSeedOrCommitmentIsCaught() {
        List<HandHistory> hands = new ArrayList<>(honestHands());
        String seed = hands.get(2).deck().serverSeed();
        String forged = (seed.charAt(0) == 'a' ? "b" : "a") + seed.substring(1);
        hands.set(2, HistoryJson.read(HistoryJson.write(hands.get(2)).replace(seed, forged)));

        assertThat(verifyAll(hands).get(2).problems()).anyMatch(p -> p.contains("does not hash to the commitment"));
    }

    @Test
    void aCommitmentOtherThanTheOneAnnouncedIsCaught() {
        List<HandHistory> hands = new ArrayList<>(honestHands());
        String next = hands.get(0).deck().nextCommitment();
        hands.set(0, HistoryJson.read(HistoryJson.write(hands.get(0)).replace(next, "f".repeat(64))));

        assertThat(verifyAll(hands).get(1).problems()).anyMatch(p -> p.contains("announced commitment"));
    }

    @Test
    void phhExportsCarryTheDeckAndVerifyToo() throws Exception {
        List<HandHistory> hands = honestHands();
        StringWriter out = new StringWriter();
        PhhWriter writer = new PhhWriter(out);
        for (HandHistory hand : hands) {
            writer.write(hand);
        }
        List<DealtDeck> decksRead = new PhhDeckReader().read(out.toString());
        ShuffleVerifier verifier = new ShuffleVerifier();
        assertThat(decksRead).hasSize(3).allMatch(d -> verifier.verify(d).honest());
        assertThat(decksRead.get(1).clientSeeds()).hasSize(1);
    }

    /** Omaha deals four cards a seat: a hand nobody showed must still be skipped by four, on JSON and PHH alike. */
    @Test
    void omahaHandsVerifyWhenAFoldedHandOfFourCardsStaysHidden() throws Exception {
        var players = List.of(new HandHistoryRecorder.Participant(0, 1, "alice", Money.parse("50.00")),
                new HandHistoryRecorder.Participant(2, 2, "bob", Money.parse("50.00")),
                new HandHistoryRecorder.Participant(4, 3, "carol", Money.parse("50.00")));
        var table = new HandPlayer.Table(9, "Elm", "CHP", GameRecord.of(Variant.POT_LIMIT_OMAHA_HOLDEM,
                Stakes.blinds(Money.parse("0.50"), Money.parse("1.00")), RakeRule.NONE, 6), 4, players);
        var shuffled = decks.shuffle(9, 51);
        // Carol, the button, acts first and folds; alice and bob check it down.
        HandHistory hand = HandPlayer.play(table, 51, shuffled.deck(), shuffled.record(),
                h -> h.actor().getAsInt() == 4 ? new HandCommand.Fold(4) : checkOrCall(h),
                5100, Instant.parse("2026-11-25T10:00:00Z"), Instant.parse("2026-11-25T10:01:00Z"));
        HandHistory seenByAlice = hand.seenBy(1);
        assertThat(seenByAlice.events()).filteredOn(e -> e instanceof HistoryEvent.HoleCardsDealt)
                .anySatisfy(e -> assertThat(((HistoryEvent.HoleCardsDealt) e).cards()).isNull())
                .anySatisfy(e -> assertThat(((HistoryEvent.HoleCardsDealt) e).cards()).hasSize(4));

        ShuffleVerifier.Verdict verdict = new ShuffleVerifier().verify(DealtDeck.of(seenByAlice));
        StringWriter out = new StringWriter();
        new PhhWriter(out).write(seenByAlice);
        List<DealtDeck> fromPhh = new PhhDeckReader().read(out.toString());

        assertThat(verdict.problems()).isEmpty();
        assertThat(verdict.cardsChecked()).as("alice's and bob's cards and the board, at least")
                .isGreaterThanOrEqualTo(2 * 4 + 5);
        assertThat(out.toString()).contains("variant = 'PO'").contains("d dh p3 ????????");
        assertThat(fromPhh).singleElement().satisfies(deck -> assertThat(new ShuffleVerifier().verify(deck).problems())
                .isEmpty());
    }
}
