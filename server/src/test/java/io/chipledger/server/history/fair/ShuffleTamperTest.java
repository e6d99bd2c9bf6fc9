package io.chipledger.server.history.fair;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import io.chipledger.server.game.holdem.HandCommand;
import io.chipledger.server.game.holdem.HoldemHand;
import io.chipledger.server.game.holdem.LegalActions;
import io.chipledger.server.game.holdem.Stakes;
import io.chipledger.server.history.record.GameRecord;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandHistoryRecorder;
import io.chipledger.server.history.record.HandPlayer;
import io.chipledger.server.history.record.HistoryJson;
import io.chipledger.server.table.ProvablyFairDeckSource;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field of a JSON history that says something about the deck, changed one at a time: {@code verify-shuffle}
 * must catch each (the issue found 6 of 14 such changes passing). The hands are three of one table, dealt by the
 * provably fair source: a showdown, one with a client seed, and an all-in whose hands are tabled, then shown.
 */
class ShuffleTamperTest {

    private static final List<HandHistory> HANDS = hands();

    private static List<HandHistory> hands() {
        ProvablyFairDeckSource decks = new ProvablyFairDeckSource(new SecureRandom());
        var players = List.of(new HandHistoryRecorder.Participant(2, 2, "bob", Money.parse("50.00")),
                new HandHistoryRecorder.Participant(4, 3, "carol", Money.parse("50.00")),
                new HandHistoryRecorder.Participant(0, 1, "alice", Money.parse("50.00")));
        var table = new HandPlayer.Table(9, "Elm", "CHP", GameRecord.of(Stakes.blinds(Money.parse("0.50"), Money.parse("1.00")),
                RakeRule.NONE, 6), 0, players);
        List<HandHistory> hands = new ArrayList<>();
        for (long handId = 41; handId <= 43; handId++) {
            var shuffled = decks.shuffle(9, handId);
            boolean allIn = handId == 43;
            hands.add(HandPlayer.play(table, handId, shuffled.deck(), shuffled.record(),
                    hand -> allIn ? shove(hand) : checkOrCall(hand), handId * 100,
                    Instant.parse("2026-11-25T10:00:00Z"), Instant.parse("2026-11-25T10:01:00Z")));
            if (handId == 41) {
                decks.addClientSeed(9, 2, "bob", shuffled.nextCommitment(), "bobs-own-entropy~42");
            }
        }
        return hands;
    }

    private static HandCommand checkOrCall(HoldemHand hand) {
        LegalActions legal = hand.legalActions().orElseThrow();
        int seat = hand.actor().getAsInt();
        return legal.canCheck() ? new HandCommand.Check(seat) : new HandCommand.Call(seat);
    }

    private static HandCommand shove(HoldemHand hand) {
        LegalActions legal = hand.legalActions().orElseThrow();
        int seat = hand.actor().getAsInt();
        if (legal.canBetOrRaise()) {
            return legal.isBet() ? new HandCommand.Bet(seat, legal.maxTo()) : new HandCommand.RaiseTo(seat, legal.maxTo());
        }
        return legal.canCheck() ? new HandCommand.Check(seat) : new HandCommand.Call(seat);
    }

    /** One change to one hand (by index) of the three, and what verify-shuffle must then say about which hand. */
    static Stream<Arguments> tamperings() {
        return Stream.of(
                tamper("the server seed", 0, h -> h.with("deck").put("serverSeed", flip(h.at("/deck/serverSeed").asText())),
                        0, "does not hash to the commitment"),
                tamper("the commitment", 0, h -> h.with("deck").put("commitment", flip(h.at("/deck/commitment").asText())),
                        0, "does not hash to the commitment"),
                tamper("the deck scheme", 0, h -> h.with("deck").put("scheme", "chipledger-deck-v0"), 0, "unknown deck scheme"),
                tamper("a client seed's text", 1, h -> ((ObjectNode) h.at("/deck/clientSeeds/0")).put("seed", "someone-elses"),
                        1, "but the deck has"),
                tamper("a client seed's seat", 1, h -> ((ObjectNode) h.at("/deck/clientSeeds/0")).put("seat", 4),
                        1, "but the deck has"),
                tamper("the hand id", 1, h -> h.put("handId", 47), 1, "but the deck has"),
                tamper("the hand that announced the commitment", 1, h -> h.with("deck").put("announcedInHand", 40),
                        1, "hand 41 announced this commitment, but the hand says it was announced by hand 40"),
                tamper("the next commitment", 0, h -> h.with("deck").put("nextCommitment", "f".repeat(64)),
                        1, "hand 41 announced commitment " + "f".repeat(64)),
                tamper("a seat's hole cards in seats[]", 0, h -> swapCards((ArrayNode) h.at("/seats/1/holeCards"), 0, 1),
                        0, "seat 5 seats[] holds"),
                tamper("the board in board[]", 0, h -> swapCards((ArrayNode) h.at("/board"), 3, 4), 0, "the board is"),
                tamper("hole cards in the dealing", 0, h -> swapCards((ArrayNode) event(h, "holeCardsDealt", 0).get("cards"), 0, 1),
                        0, "seat 3 was dealt"),
                tamper("the flop in the dealing", 0, h -> swapCards((ArrayNode) event(h, "streetDealt", 0).get("cards"), 0, 2),
                        0, "the board got"),
                tamper("a hand shown at showdown", 0, h -> swapCards((ArrayNode) event(h, "handShown", 0).get("cards"), 0, 1),
                        0, "shown at showdown holds"),
                tamper("a hand tabled all-in", 2, h -> swapCards((ArrayNode) event(h, "handTabled", 0).get("cards"), 0, 1),
                        2, "tabled all-in holds"),
                tamper("the order of the seats", 0, h -> swapSeats((ArrayNode) h.get("seats")), 0, "clockwise from the button"),
                tamper("the button", 0, h -> h.put("button", 2), 0, "clockwise from the button (seat 3)"),
                tamper("the button, to a seat not dealt in", 0, h -> h.put("button", 5), 0, "the button, seat 6, was not dealt in"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void aChangeToAnyFieldThatStatesTheDeckIsCaught(String field, int tampered, Consumer<ObjectNode> change, int flagged,
                                                     String problem) {
        List<HandHistory> hands = new ArrayList<>(HANDS);
        ObjectNode json = HistoryJson.mapper().valueToTree(hands.get(tampered));
        change.accept(json);
        hands.set(tampered, HistoryJson.read(json.toString()));

        List<ShuffleVerifier.Verdict> verdicts = verify(hands);

        assertThat(verdicts.get(flagged).problems()).as(field).anyMatch(p -> p.contains(problem));
        for (int i = 0; i < Math.min(tampered, flagged); i++) {
            assertThat(verdicts.get(i).honest()).as("hand %d, before the changed one", i).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void theUntouchedHandsCheckOut(String field) {
        assertThat(verify(HANDS)).as(field).allMatch(ShuffleVerifier.Verdict::honest);
        assertThat(HANDS.get(1).deck().clientSeeds()).hasSize(1);
        assertThat(HANDS.get(2).events()).anyMatch(e -> e.getClass().getSimpleName().equals("HandTabled"))
                .anyMatch(e -> e.getClass().getSimpleName().equals("HandShown"));
    }

    private static List<ShuffleVerifier.Verdict> verify(List<HandHistory> hands) {
        ShuffleVerifier verifier = new ShuffleVerifier();
        return hands.stream().map(h -> verifier.verify(DealtDeck.of(h))).toList();
    }

    private static Arguments tamper(String field, int tampered, Consumer<ObjectNode> change, int flagged, String problem) {
        return Arguments.of(field, tampered, change, flagged, problem);
    }

    private static ObjectNode event(ObjectNode hand, String type, int nth) {
        int seen = 0;
        for (JsonNode event : hand.get("events")) {
            if (event.get("type").asText().equals(type) && seen++ == nth) {
                return (ObjectNode) event;
            }
        }
        throw new AssertionError("no " + type + " event " + nth + " in hand " + hand.get("handId"));
    }

    private static void swapCards(ArrayNode cards, int a, int b) {
        JsonNode first = cards.get(a);
        cards.set(a, cards.get(b));
        cards.set(b, first);
    }

    private static void swapSeats(ArrayNode seats) {
        JsonNode first = seats.get(0);
        seats.set(0, seats.get(1));
        seats.set(1, first);
    }

    private static String flip(String hex) {
        return (hex.charAt(0) == '0' ? "1" : "0") + hex.substring(1);
    }
}
