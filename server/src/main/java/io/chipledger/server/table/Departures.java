package io.chipledger.server.table;

import io.chipledger.protocol.ServerMessage;
import io.chipledger.protocol.TableEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seats given up: a leaver's whole stack goes back to their wallet and the seat is freed. Runs when no hand needs the
 * chips: at once between hands, else after the hand (every leaver's seat, and every seat once an operator closed the
 * table).
 */
final class Departures {

    private static final Logger log = LoggerFactory.getLogger(Departures.class);

    private final TableState table;
    private final SeatCashier cashier;
    private final CompletableFuture<Void> emptiedForClose = new CompletableFuture<>();

    Departures(TableState table, SeatCashier cashier) {
        this.table = table;
        this.cashier = cashier;
    }

    /** Completes once an operator's close has emptied the last seat. */
    CompletableFuture<Void> emptiedForClose() {
        return emptiedForClose;
    }

    /** Moves the seat's whole stack back to the wallet and frees the seat; a refused cash-out leaves the seat as it is. */
    CompletionStage<Outcome> cashOut(Seat seat) {
        return cashier.cashOut(seat).thenApply(cashOut -> {
            if (cashOut.refusal() != null) {
                log.error("table {}: cash-out of seat {} refused: {}", table.config.id(), seat.number, cashOut.refusal());
                return Outcome.none();
            }
            table.seats.free(seat);
            return Outcome.published(new TableEvent.SeatLeft(seat.number, seat.player.name(), cashOut.stack()))
                    .and(new Outcome.ToPlayer(seat.player.id(), new ServerMessage.Wallet(cashOut.walletBalance())));
        });
    }

    /** Cashes out every leaver, one after the other (every seat when the table is closing). */
    CompletionStage<Outcome> cashOutLeavers() {
        Outcome chain = Outcome.none();
        for (Seat seat : table.seats.occupied()) {
            if (seat.leaving || table.closedByOperator) {
                chain = chain.then(() -> cashOut(seat));
            }
        }
        return chain.thenNow(() -> {
            if (table.closedByOperator && table.seats.occupied().isEmpty()) {
                emptiedForClose.complete(null);
            }
            return Outcome.none();
        }).now();
    }
}
