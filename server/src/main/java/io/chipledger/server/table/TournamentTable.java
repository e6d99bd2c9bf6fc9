package io.chipledger.server.table;

import io.chipledger.money.Money;
import io.chipledger.protocol.TableEvent;
import io.chipledger.server.account.Player;
import io.chipledger.server.game.holdem.PlayerSeat;
import io.chipledger.server.game.holdem.Stakes;
import io.chipledger.server.history.record.TournamentRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The sit-and-go side of a table: it seats the tournament's players with their chips, takes each hand's stakes from
 * the blind level in force, and after each hand has every player's chips stored and sends the players who lost their
 * last chip out with their places. When one player is left, or the tournament is cancelled,
 * the table ends. A seat here is never cashed out: tournament chips are not money.
 */
final class TournamentTable {

    private final TableState table;
    private final TournamentPlay play;
    private TournamentPlay.Level level;
    private boolean ended;
    /** Until every player is watching, or the arrival grace is over, the first hand waits for them. */
    private boolean awaitingArrivals = true;

    TournamentTable(TableState table, TournamentPlay play) {
        this.table = table;
        this.play = play;
    }

    /** A player of the tournament, to be seated with their chips. */
    record Entrant(int seat, Player player, long chips, boolean connected) {
    }

    /**
     * Seats the tournament's players; a player not connected yet is dealt in and blinded off until they come. The
     * button moves on from {@code lastButton}, the seat it had in the last hand played (null: none yet).
     */
    Outcome seat(List<Entrant> entrants, Integer lastButton) {
        if (lastButton != null) {
            table.button = lastButton;
        }
        Outcome seated = Outcome.none();
        for (Entrant entrant : entrants) {
            Seat seat = new Seat(entrant.seat(), entrant.player(), 0, "tournament", Money.ofCents(entrant.chips()),
                    table.config.timeBank());
            seat.blindedOffWhenOut = true;
            if (!entrant.connected()) { // sat in when they come to watch the table (Attendance.returned)
                seat.connected = false;
                seat.sittingOut = true;
                seat.sittingOutWhileAway = true;
            }
            table.seats.put(seat);
            seated = seated.andPublished(new TableEvent.SeatTaken(seat.number, entrant.player().name(), seat.stack));
        }
        return seated;
    }

    /**
     * Whether hands may be dealt: once every player came to the table, or the grace for arriving is over (then the
     * absent are blinded off). Once it may, it always may: a player who drops later is blinded off, not waited for.
     */
    boolean playersArrived() {
        if (awaitingArrivals && table.seats.occupied().stream().allMatch(seat -> seat.connected)) {
            awaitingArrivals = false;
        }
        return !awaitingArrivals;
    }

    /** The grace for arriving is over: hands are dealt, the absent blinded off. */
    void arrivalGraceOver() {
        awaitingArrivals = false;
    }

    /** The stakes of the next hand, from the level in force {@code now}. */
    Stakes stakesForNextHand(Instant now) {
        level = play.levelForNextHand(now);
        return level.stakes();
    }

    /**
     * The stakes of the last hand dealt (the level in force for all the players know); before this table deals its
     * first, the tournament's stored level, so a page reloaded after a restart shows the blinds the players are at.
     */
    Stakes lastStakes() {
        return (level == null ? play.levelInForce() : level).stakes();
    }

    /** The sit-and-go and the level of the hand being dealt, for its record. */
    TournamentRecord record() {
        TournamentPlay.Entry entry = play.entry();
        return new TournamentRecord(entry.tournamentId(), entry.buyIn(), entry.fee(), level == null ? 1 : level.number());
    }

    /**
     * Hand {@code finished} is over (each seat's stack is the one it left): the tournament stores every player's chips
     * and places those it left without any; they leave the table, and once one player is left the table ends. The
     * returned outcome is what to tell the table after the hand's end.
     */
    CompletionStage<Outcome> afterHand(RunningHand finished) {
        List<PlayerSeat> dealtIn = finished.hand.setup().players(); // from the left of the button, the button last
        List<TournamentPlay.Busted> busts = new ArrayList<>();
        List<Seat> out = new ArrayList<>();
        for (int order = 0; order < dealtIn.size(); order++) {
            Seat seat = table.seats.get(dealtIn.get(order).seat());
            if (seat != null && !seat.stack.isPositive()) {
                busts.add(new TournamentPlay.Busted(seat.player.id(), dealtIn.get(order).stack().toCents(), order));
                out.add(seat);
            }
        }
        Map<Long, Long> chips = new LinkedHashMap<>();
        table.seats.occupied().forEach(seat -> chips.put(seat.player.id(), seat.stack.toCents()));
        return play.handEnded(finished.id, table.button, chips, busts).thenApply(v -> {
            Outcome told = Outcome.none();
            for (Seat seat : out) {
                table.seats.free(seat);
                told = told.andPublished(new TableEvent.SeatLeft(seat.number, seat.player.name(), Money.ZERO));
            }
            return table.seats.occupied().size() <= 1 ? told.thenNow(() -> end("the tournament has a winner")) : told;
        });
    }

    /** No more hands: every seat is freed (the chips stay the tournament's) and the tournament is told, once. */
    Outcome end(String reason) {
        table.closing = true;
        if (ended) {
            return Outcome.none();
        }
        ended = true;
        Outcome freed = Outcome.published(new TableEvent.TableClosing(reason));
        for (Seat seat : table.seats.occupied()) {
            table.seats.free(seat);
            freed = freed.andPublished(new TableEvent.SeatLeft(seat.number, seat.player.name(), Money.ZERO));
        }
        play.tableClosed(table.config.id());
        return freed;
    }
}
