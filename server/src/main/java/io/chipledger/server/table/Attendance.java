package io.chipledger.server.table;

import io.chipledger.money.Money;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.account.Player;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is away: a seated player whose last connection to the table closed keeps the seat through a grace period, is
 * then sat out, and if still away later gives the seat up; one who comes back is connected and sat in again.
 */
final class Attendance {

    private static final Logger log = LoggerFactory.getLogger(Attendance.class);

    private final TableState table;
    private final SeatTimeouts timeouts;
    private final CommandTimer timers;
    private final Croupier croupier;

    Attendance(TableState table, SeatTimeouts timeouts, CommandTimer timers, Croupier croupier) {
        this.table = table;
        this.timeouts = timeouts;
        this.timers = timers;
        this.croupier = croupier;
    }

    /**
     * Seats a player found in the seat records at start-up, with the chips their seat account holds. They are away
     * until they come back (watch the table); if they do not within the grace, the stack goes back to their wallet.
     */
    void restoreSeat(int number, Player player, long accountId, String stintKey, Money stack) {
        Seat seat = new Seat(number, player, accountId, stintKey, stack, table.config.timeBank());
        seat.connected = false;
        seat.sittingOut = true;
        seat.sittingOutWhileAway = true;
        table.seats.put(seat);
        scheduleAbandonment(seat, timeouts.disconnectGrace());
    }

    /** The player's last connection to this table closed: they keep the seat through the grace, then sit out. */
    Outcome leftTheRoom(Player player) {
        Seat seat = table.seats.of(player);
        if (seat == null || !seat.connected) {
            return Outcome.none();
        }
        seat.connected = false;
        seat.absences++;
        int absence = seat.absences;
        timers.after(timeouts.disconnectGrace(), () -> graceOver(seat, absence).now());
        return Outcome.published(new TableEvent.ConnectionChanged(seat.number, false));
    }

    private Outcome graceOver(Seat seat, int absence) {
        if (!table.seats.holds(seat) || seat.absences != absence || seat.connected) {
            return Outcome.none(); // back in time, or gone
        }
        scheduleAbandonment(seat, timeouts.abandonAfter());
        if (!seat.sittingOut) {
            seat.sittingOut = true;
            seat.sittingOutWhileAway = true;
            return Outcome.published(new TableEvent.SatOut(seat.number));
        }
        return Outcome.none();
    }

    private void scheduleAbandonment(Seat seat, Duration after) {
        int absence = seat.absences;
        timers.after(after, () -> abandoned(seat, absence));
    }

    /** Away too long: the stack goes back to the wallet (after the current hand, if they are in it). */
    private CompletionStage<Outcome> abandoned(Seat seat, int absence) {
        if (!table.seats.holds(seat) || seat.absences != absence || seat.connected || seat.leaving) {
            return Outcome.none().now();
        }
        log.info("table {}: {} did not come back; cashing out seat {}", table.config.id(), seat.player.name(), seat.number);
        return croupier.standUp(seat);
    }

    /** The player watches the table again: connected, and sat in if it was their absence that sat them out. */
    Outcome returned(Player player) {
        Seat seat = table.seats.of(player);
        if (seat == null || seat.connected) {
            return Outcome.none();
        }
        seat.connected = true;
        seat.absences++;
        Outcome back = Outcome.published(new TableEvent.ConnectionChanged(seat.number, true));
        if (seat.sittingOutWhileAway && !seat.leaving) {
            seat.sittingOut = false;
            seat.sittingOutWhileAway = false;
            croupier.dealIfReady();
            back = back.andPublished(new TableEvent.SatIn(seat.number));
        }
        return back;
    }
}
