package io.chipledger.server.history.record;

import io.chipledger.server.game.Deck;
import io.chipledger.server.game.holdem.ChipMovement;
import io.chipledger.server.game.holdem.Dealer;
import io.chipledger.server.game.holdem.HandCommand;
import io.chipledger.server.game.holdem.HandEvent;
import io.chipledger.server.game.holdem.HandSetup;
import io.chipledger.server.game.holdem.HoldemHand;
import io.chipledger.server.game.holdem.PlayerSeat;
import io.chipledger.server.game.holdem.Reopening;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Plays a whole hand away from any table, on the same engine and dealer, and records it: for tests that need hands
 * with known cards and actions, and for benchmarks that need many. Transfer ids are numbered from
 * {@code firstTransferId}: such a hand moved no chips in any ledger.
 */
public final class HandPlayer {

    /** Who plays (from left of the button, the button last), under which rules, at which table and time. */
    public record Table(long tableId, String tableName, String currency, GameRecord game, int button,
                        List<HandHistoryRecorder.Participant> players) {
    }

    private HandPlayer() {
    }

    /** Plays hand {@code handId} from {@code deck}, asking {@code decide} for every player's action. */
    public static HandHistory play(Table table, long handId, Deck deck, DeckRecord deckRecord,
                                   Function<HoldemHand, HandCommand> decide, long firstTransferId,
                                   Instant startedAt, Instant endedAt) {
        List<PlayerSeat> seats = table.players().stream().map(p -> new PlayerSeat(p.seat(), p.stack(), p.postsBigBlind())).toList();
        HoldemHand hand = HoldemHand.start(new HandSetup(seats, table.game().stakes(), table.game().rake(), true,
                Reopening.FULL_RAISE_ONLY, table.game().engineVariant()));
        HandHistoryRecorder recorder = new HandHistoryRecorder(handId, table.tableId(), table.tableName(), table.currency(),
                table.game(), table.button(), table.players(), deckRecord, startedAt);
        long[] nextTransfer = {firstTransferId};
        List<HandEvent> opening = new ArrayList<>(hand.events());
        opening.addAll(Dealer.dealHoleCards(hand, deck));
        recorder.committed(opening, transferIds(opening, nextTransfer));
        while (!hand.isComplete()) {
            List<HandEvent> events = Dealer.play(hand, deck, decide.apply(hand));
            recorder.committed(events, transferIds(events, nextTransfer));
        }
        return recorder.settled(endedAt);
    }

    /** Numbers the events' chip movements from {@code next[0]} on, one transfer id each, advancing it. */
    static List<Long> transferIds(List<HandEvent> events, long[] next) {
        List<Long> ids = new ArrayList<>();
        for (HandEvent event : events) {
            if (event instanceof ChipMovement) {
                ids.add(next[0]++);
            }
        }
        return ids;
    }
}
