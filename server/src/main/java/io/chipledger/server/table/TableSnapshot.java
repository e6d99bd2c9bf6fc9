package io.chipledger.server.table;

import io.chipledger.money.Money;
import io.chipledger.protocol.TableView;
import io.chipledger.server.game.holdem.LegalActions;
import io.chipledger.server.game.holdem.SeatView;
import io.chipledger.server.game.holdem.Stakes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link TableView} one viewer may see. Hole cards are included only for the viewer's own seat: a snapshot
 * never carries another player's hidden cards (shown cards reach everyone through {@code cardsShown} events).
 */
final class TableSnapshot {

    private TableSnapshot() {
    }

    /** {@code betweenHands}: the stakes to show when no hand runs (a running hand shows its own). */
    static TableView of(TableConfig config, SeatMap seats, RunningHand hand, Stakes betweenHands, int button, int viewerSeat,
                        Clock clock, String nextDeckCommitment, boolean tournamentChips) {
        List<TableView.SeatView> seatViews = new ArrayList<>();
        for (Seat seat : seats.occupied()) {
            SeatView inHand = hand == null ? null : hand.hand.seats().stream().filter(v -> v.seat() == seat.number).findFirst().orElse(null);
            Money stack = inHand == null ? seat.stack : inHand.stack();
            Money bet = inHand == null ? Money.ZERO : inHand.streetBet();
            TableView.SeatStatus status = status(seat, inHand, hand != null);
            List<String> cards = null;
            if (inHand != null && seat.number == viewerSeat) {
                cards = hand.holeCards(seat.number).stream().map(Object::toString).toList();
            }
            seatViews.add(new TableView.SeatView(seat.number, seat.player.name(), stack, bet, status, cards));
        }
        Long handId = hand == null ? null : hand.id;
        List<String> board = hand == null ? List.of() : HandNarrator.names(hand.hand.board());
        List<TableView.PotView> pots = hand == null ? List.of() : HandNarrator.potViews(hand.hand.pots());
        TableView.Turn turn = null;
        if (hand != null && hand.hand.actor().isPresent()) {
            int actor = hand.hand.actor().getAsInt();
            // As in turnStarted: the action clock first, then the time bank. Once the bank runs (turnStarted was
            // reset when it began), the action clock is spent and the bank shows what is left of it.
            Duration elapsed = Duration.between(hand.turnStarted, clock.instant());
            Duration bank = seats.get(actor).timeBank;
            long actionLeft = hand.inTimeBank ? 0 : Math.max(0, config.actionTime().minus(elapsed).toMillis());
            long bankLeft = hand.inTimeBank ? Math.max(0, bank.minus(elapsed).toMillis()) : bank.toMillis();
            LegalActions legal = actor == viewerSeat ? hand.hand.legalActions().orElse(null) : null;
            turn = new TableView.Turn(actor, actionLeft, bankLeft, legal == null ? null
                    : new TableView.LegalActions(legal.canCheck(), legal.canCheck() ? null : legal.toCall(),
                            legal.canBetOrRaise() ? legal.minTo() : null, legal.canBetOrRaise() ? legal.maxTo() : null));
        }
        Stakes stakes = hand == null ? betweenHands : hand.hand.setup().stakes();
        return new TableView(config.id(), config.name(), stakes.smallBlind(), stakes.bigBlind(),
                config.minBuyIn(), config.maxBuyIn(), config.seatCount(), seatViews, handId, button, board, pots, turn,
                nextDeckCommitment, config.variant().code(), tournamentChips);
    }

    private static TableView.SeatStatus status(Seat seat, SeatView inHand, boolean handRunning) {
        if (!seat.connected) {
            return TableView.SeatStatus.DISCONNECTED;
        }
        if (inHand != null) {
            return inHand.folded() ? TableView.SeatStatus.FOLDED : inHand.allIn() ? TableView.SeatStatus.ALL_IN : TableView.SeatStatus.ACTIVE;
        }
        if (!seat.stack.isPositive()) {
            return TableView.SeatStatus.BUSTED;
        }
        if (seat.sittingOut) {
            return TableView.SeatStatus.SITTING_OUT;
        }
        return handRunning ? TableView.SeatStatus.WAITING : TableView.SeatStatus.ACTIVE;
    }
}
