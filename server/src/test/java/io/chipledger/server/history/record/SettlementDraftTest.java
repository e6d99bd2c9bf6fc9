package io.chipledger.server.history.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import io.chipledger.server.game.Deck;
import io.chipledger.server.game.holdem.Dealer;
import io.chipledger.server.game.holdem.HandCommand;
import io.chipledger.server.game.holdem.HandEvent;
import io.chipledger.server.game.holdem.HandSetup;
import io.chipledger.server.game.holdem.HoldemHand;
import io.chipledger.server.game.holdem.LegalActions;
import io.chipledger.server.game.holdem.PlayerSeat;
import io.chipledger.server.game.holdem.Reopening;
import io.chipledger.server.game.holdem.Stakes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The record drafted before a hand's settlement is posted, with the settlement's transfer ids filled in afterwards,
 * is exactly the record the hand gets when it settles normally; and drafting leaves the hand's recorder untouched.
 */
class SettlementDraftTest {

    private static final Instant START = Instant.parse("2026-11-26T10:00:00Z");
    private static final Instant END = START.plusSeconds(60);

    @Test
    void aDraftWithTheSettlementsTransfersFilledInIsTheSettledRecord() {
        Random random = new Random(20261126);
        for (int round = 0; round < 300; round++) {
            int players = 2 + random.nextInt(5);
            List<HandHistoryRecorder.Participant> seated = new ArrayList<>();
            List<PlayerSeat> seats = new ArrayList<>();
            for (int seat = 0; seat < players; seat++) {
                Money stack = Money.ofCents(500 + random.nextInt(20_000));
                seated.add(new HandHistoryRecorder.Participant(seat, 100 + seat, "p" + seat, stack));
                seats.add(new PlayerSeat(seat, stack));
            }
            RakeRule rake = new RakeRule(new BigDecimal("5"), Money.parse("3.00"), true);
            Stakes stakes = Stakes.blinds(Money.parse("0.50"), Money.parse("1.00"));
            HoldemHand hand = HoldemHand.start(new HandSetup(seats, stakes, rake, true, Reopening.FULL_RAISE_ONLY));
            HandHistoryRecorder recorder = new HandHistoryRecorder(round, 7, "Oak", "CHP", GameRecord.of(stakes, rake, 6),
                    players - 1, seated, null, START);
            Deck deck = Deck.inOrder(shuffled(random));
            long[] nextTransfer = {1};
            List<HandEvent> events = new ArrayList<>(hand.events());
            events.addAll(Dealer.dealHoleCards(hand, deck));
            while (!hand.isComplete()) {
                recorder.committed(events, HandPlayer.transferIds(events, nextTransfer));
                events = Dealer.play(hand, deck, anyLegal(hand.legalActions().orElseThrow(), random));
            }
            // The events that end the hand: the draft is made before they are committed, as the table does.
            HandHistory draft = recorder.settlementDraft(events, END);
            List<Long> settlement = HandPlayer.transferIds(events, nextTransfer);
            recorder.committed(events, settlement);
            HandHistory settled = recorder.settled(END);

            assertThat(HandHistoryRecorder.withSettlementTransfers(HistoryJson.read(HistoryJson.write(draft)), settlement))
                    .as("hand %d", round).isEqualTo(settled);
        }
    }

    @Test
    void aDraftNamingALegTheSettlementDoesNotHaveIsRefused() {
        HandHistory hand = new HandHistory(HandHistory.VERSION, 9, 7, "Oak", "CHP", HandStatus.SETTLED, null, START, END,
                null, 0, List.of(), null, List.of(), List.of(new HistoryEvent.PotAwarded(0, 1, Money.parse("2.00"), false, -2L)));
        assertThatThrownBy(() -> HandHistoryRecorder.withSettlementTransfers(hand, List.of(41L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leg 1");
    }

    private static HandCommand anyLegal(LegalActions legal, Random random) {
        int seat = legal.seat();
        int choice = random.nextInt(10);
        if (choice == 0 && legal.toCall().isPositive()) {
            return new HandCommand.Fold(seat);
        }
        if (choice <= 2 && legal.canBetOrRaise()) {
            Money to = random.nextBoolean() ? legal.minTo() : legal.maxTo();
            return legal.isBet() ? new HandCommand.Bet(seat, to) : new HandCommand.RaiseTo(seat, to);
        }
        return legal.canCheck() ? new HandCommand.Check(seat) : new HandCommand.Call(seat);
    }

    private static int[] shuffled(Random random) {
        List<Integer> cards = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            cards.add(i);
        }
        java.util.Collections.shuffle(cards, random);
        return cards.stream().mapToInt(Integer::intValue).toArray();
    }
}
