package io.chipledger.server.table;

import io.chipledger.ledger.PostingResult;
import io.chipledger.money.Money;
import io.chipledger.server.chips.HandRef;
import io.chipledger.server.chips.PostingKey;
import io.chipledger.server.game.Card;
import io.chipledger.server.game.Deck;
import io.chipledger.server.game.holdem.Dealer;
import io.chipledger.server.game.holdem.HandCommand;
import io.chipledger.server.game.holdem.HandEvent;
import io.chipledger.server.game.holdem.HoldemHand;
import io.chipledger.server.history.record.GameRecord;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandHistoryRecorder;
import io.chipledger.server.history.record.HistoryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand a table is playing: the engine's state, the deck it deals from, and what the table needs around it (its
 * id, how many commands it has posted, whose clock is running, and the history being recorded).
 */
final class RunningHand {

    final long id;
    final HoldemHand hand;
    final Deck deck;
    final HandNarrator narrator;
    /** Numbers the hand's postings (their keys are {@link PostingKey.HandMove}). */
    private int postings;
    /** Increases with each turn so a stale timer can tell it is stale. */
    int turn;
    /** How many of the record's events the hand records keep (-1: nothing yet); see {@link HandRecords#draftProgress}. */
    int progressEventsKept = -1;
    TableTimer.Cancellable clock;
    Instant turnStarted;
    boolean inTimeBank;

    private final DeckSource.ShuffledDeck shuffled;
    private final HandHistoryRecorder recorder;
    /** The seat of each ledger account dealt in, to name the seats a void refunds. */
    private final Map<Long, Integer> seatOfAccount = new HashMap<>();
    /** The player dealt in at each seat: a private event of the hand is theirs, whoever sits there later. */
    private final Map<Integer, Long> playerAtSeat = new HashMap<>();

    RunningHand(long id, HoldemHand hand, DeckSource.ShuffledDeck shuffled, HandHistoryRecorder recorder) {
        this.id = id;
        this.hand = hand;
        this.deck = shuffled.deck();
        this.shuffled = shuffled;
        this.recorder = recorder;
        this.narrator = new HandNarrator(hand.setup().players(), hand.setup().variant().ranking());
    }

    /** A hand dealt to {@code dealtIn} (from left of the button), its history recorded from {@code startedAt}. */
    static RunningHand start(long id, HoldemHand hand, DeckSource.ShuffledDeck shuffled, TableConfig config, GameRecord game,
                             int button, List<Seat> dealtIn, Instant startedAt) {
        List<HandHistoryRecorder.Participant> players = dealtIn.stream()
                .map(s -> new HandHistoryRecorder.Participant(s.number, s.player.id(), s.player.name(), s.stack)).toList();
        HandHistoryRecorder recorder = new HandHistoryRecorder(id, config.id(), config.name(), config.currency(),
                game, button, players, shuffled.record(), startedAt);
        RunningHand running = new RunningHand(id, hand, shuffled, recorder);
        dealtIn.forEach(s -> {
            running.seatOfAccount.put(s.accountId, s.number);
            running.playerAtSeat.put(s.number, s.player.id());
        });
        return running;
    }

    /** The ledger committed these events' chips ({@code result} null when they moved none): they go into the history. */
    void committed(List<HandEvent> events, PostingResult result) {
        recorder.committed(events, result == null ? List.of() : result.transferIds());
    }

    /** The record the hand will have once {@code settlement}, the events that end it, is committed. */
    HandHistory settlementDraft(List<HandEvent> settlement, Instant endedAt) {
        return recorder.settlementDraft(settlement, endedAt);
    }

    /** The record the hand has so far, for crash recovery to start from (see {@link HandRecords#draftProgress}). */
    HandHistory progress(Instant at) {
        return recorder.inProgress(at);
    }

    HandHistory settledHistory(Instant endedAt) {
        return recorder.settled(endedAt);
    }

    HandHistory voidedHistory(String reason, HandVoider.Refunds refunds, Instant endedAt) {
        List<HistoryEvent.Refunded> refunded = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Long, Money> refund : refunds.byAccount().entrySet()) {
            Long transferId = i < refunds.transferIds().size() ? refunds.transferIds().get(i) : null;
            refunded.add(new HistoryEvent.Refunded(seatOfAccount.getOrDefault(refund.getKey(), -1), refund.getValue(), transferId));
            i++;
        }
        return recorder.voided(reason, refunded, endedAt);
    }

    /** The id of the player dealt in at {@code seat}. */
    long playerAt(int seat) {
        return playerAtSeat.get(seat);
    }

    /** The seed this hand's deck came from, revealed when the hand is over. */
    String serverSeed() {
        return shuffled.record().serverSeed();
    }

    /** How the ledger's postings name this hand. */
    HandRef ref() {
        return new HandRef(id);
    }

    String nextPostingKey(long tableId) {
        return new PostingKey.HandMove(tableId, id, ++postings).text();
    }

    /** Applies a player's (or the clock's) command, then deals whatever board cards are due. */
    List<HandEvent> play(HandCommand command) {
        return Dealer.play(hand, deck, command);
    }

    /** Deals hole cards to every seat, then any board cards due (all-in before the flop). */
    List<HandEvent> dealHoleCards() {
        return Dealer.dealHoleCards(hand, deck);
    }

    /** The seat's hole cards, as dealt (empty before the deal). */
    List<Card> holeCards(int seat) {
        for (HandEvent event : hand.events()) {
            if (event instanceof HandEvent.HoleCardsDealt dealt && dealt.seat() == seat) {
                return dealt.cards();
            }
        }
        return List.of();
    }

    void stopClock() {
        if (clock != null) {
            clock.cancel();
            clock = null;
        }
    }
}
