package io.chipledger.server.table;

import io.chipledger.protocol.TableEvent;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Seats that lost every chip: each is offered a rebuy (a top-up from nothing, within the buy-in range) for a bounded
 * time, then given up if it is still empty, so a busted player never holds a seat the lobby could offer.
 */
final class Rebuys {

    private final TableState table;
    private final CommandTimer timers;
    private final Duration window;
    private final Departures departures;

    Rebuys(TableState table, CommandTimer timers, Duration window, Departures departures) {
        this.table = table;
        this.timers = timers;
        this.window = window;
        this.departures = departures;
    }

    /** After a hand: every seat left with nothing (and not already leaving) is offered a rebuy until the window closes. */
    Outcome offerToBusted() {
        Outcome offers = Outcome.none();
        for (Seat seat : table.seats.occupied()) {
            if (!seat.stack.isPositive() && !seat.leaving && !seat.awaitingRebuy) {
                seat.awaitingRebuy = true;
                int offer = ++seat.rebuyOffers;
                timers.after(window, () -> windowClosed(seat, offer));
                offers = offers.andPublished(new TableEvent.RebuyOffered(seat.number, table.config.minBuyIn(),
                        table.config.maxBuyIn(), window.toMillis()));
            }
        }
        return offers;
    }

    /** The player bought back in: the offer is taken up. */
    static void takenUp(Seat seat) {
        seat.awaitingRebuy = false;
    }

    /** The rebuy window is over: a seat still empty is given up; one that bought back in plays on. */
    private CompletionStage<Outcome> windowClosed(Seat seat, int offer) {
        if (!table.seats.holds(seat) || seat.leaving || seat.rebuyOffers != offer || seat.stack.isPositive()) {
            return Outcome.none().now(); // gone, or bought back in (and maybe offered again since)
        }
        seat.leaving = true;
        return departures.cashOut(seat);
    }
}
