package io.chipledger.server.tournament;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sit-and-go's life: players register until every seat is taken and it starts (they may unregister until then);
 * it runs until one player is left, each bust deciding places ({@link Standings}); then the prizes are paid
 * ({@code FINISHING} to {@code FINISHED}). It may be cancelled before it finishes ({@code CANCELLING} while the
 * buy-ins and fees go back, then {@code CANCELLED}). Each command is checked first and refused with a
 * {@link TournamentRefusal} that changes nothing. Not thread-safe: its owner runs one command at a time.
 */
public final class SitAndGo {

    private final long id;
    private final TournamentRules rules;
    /** Player id to entry id, in registration order. */
    private final Map<Long, Long> entries = new LinkedHashMap<>();
    private volatile TournamentStatus status;
    private Standings standings;

    private SitAndGo(long id, TournamentRules rules, TournamentStatus status) {
        this.id = id;
        this.rules = rules;
        this.status = status;
    }

    /** A new sit-and-go, registering. */
    public static SitAndGo open(long id, TournamentRules rules) {
        return new SitAndGo(id, rules, TournamentStatus.REGISTERING);
    }

    /**
     * A sit-and-go as stored: its status, its registered entries (player id to entry id, in registration order) and,
     * once it runs, the placings decided so far (worst first).
     */
    public static SitAndGo restore(long id, TournamentRules rules, TournamentStatus status, Map<Long, Long> entries,
                                   List<Placing> placings) {
        SitAndGo sitAndGo = new SitAndGo(id, rules, status);
        sitAndGo.entries.putAll(entries);
        if (status != TournamentStatus.REGISTERING && entries.size() == rules.seats()) {
            List<Long> placed = placings.stream().flatMap(p -> p.players().stream()).toList();
            List<Long> remaining = entries.keySet().stream().filter(player -> !placed.contains(player)).toList();
            sitAndGo.standings = Standings.restore(remaining, placings);
        }
        return sitAndGo;
    }

    public long id() {
        return id;
    }

    public TournamentRules rules() {
        return rules;
    }

    public TournamentStatus status() {
        return status;
    }

    /** Registered players to their entry ids, in registration order. */
    public Map<Long, Long> entries() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    public List<Long> players() {
        return List.copyOf(entries.keySet());
    }

    public boolean isRegistered(long playerId) {
        return entries.containsKey(playerId);
    }

    public int seatsLeft() {
        return rules.seats() - entries.size();
    }

    /** Checks that {@code playerId} may register now; throws the refusal otherwise. */
    public void verifyRegister(long playerId) {
        if (status != TournamentStatus.REGISTERING) {
            throw new TournamentRefusal(TournamentRefusal.Code.NOT_REGISTERING, "tournament " + id + " is "
                    + status.name().toLowerCase() + ": registration is closed (there is no late registration)");
        }
        if (entries.containsKey(playerId)) {
            throw new TournamentRefusal(TournamentRefusal.Code.ALREADY_REGISTERED, "you are already registered for tournament " + id);
        }
        if (seatsLeft() == 0) {
            throw new TournamentRefusal(TournamentRefusal.Code.FULL, "tournament " + id + " is full");
        }
    }

    /**
     * Registers a player whose buy-in and fee the ledger took under entry {@code entryId}; the last seat taken starts
     * the tournament. Returns whether it started.
     */
    public boolean register(long playerId, long entryId) {
        verifyRegister(playerId);
        entries.put(playerId, entryId);
        if (seatsLeft() > 0) {
            return false;
        }
        status = TournamentStatus.RUNNING;
        standings = new Standings(players());
        return true;
    }

    /** Checks that {@code playerId} may unregister now; throws the refusal otherwise. */
    public void verifyUnregister(long playerId) {
        if (status != TournamentStatus.REGISTERING) {
            throw new TournamentRefusal(TournamentRefusal.Code.NOT_REGISTERING, "tournament " + id + " has "
                    + (status == TournamentStatus.RUNNING ? "started" : "ended") + ": unregistering is only possible before it starts");
        }
        if (!entries.containsKey(playerId)) {
            throw new TournamentRefusal(TournamentRefusal.Code.NOT_REGISTERED, "you are not registered for tournament " + id);
        }
    }

    /** Unregisters a player; returns the entry whose buy-in and fee go back. */
    public long unregister(long playerId) {
        verifyUnregister(playerId);
        return entries.remove(playerId);
    }

    /** The players who busted in one hand are out; returns their placings (and the winner's when one is left). */
    public List<Placing> eliminate(List<Bust> busts) {
        if (status != TournamentStatus.RUNNING) {
            throw new IllegalStateException("tournament " + id + " is " + status + ", not running: no one busts");
        }
        List<Placing> decided = standings.eliminate(busts);
        if (standings.decided()) {
            status = TournamentStatus.FINISHING;
        }
        return decided;
    }

    /** Every finisher's prize; only once every place is decided. */
    public List<Prize> prizes() {
        if (standings == null || !standings.decided()) {
            throw new IllegalStateException("tournament " + id + " has places still to decide");
        }
        return Prizes.award(rules.prizePool(), rules.payouts(), standings.placings());
    }

    public List<Placing> placings() {
        return standings == null ? List.of() : standings.placings();
    }

    /** The players still in, once it runs. */
    public List<Long> remaining() {
        return standings == null ? List.of() : new ArrayList<>(standings.remaining());
    }

    /** The prizes are paid. */
    public void paid() {
        if (status != TournamentStatus.FINISHING) {
            throw new IllegalStateException("tournament " + id + " is " + status + ": there are no prizes to pay");
        }
        status = TournamentStatus.FINISHED;
    }

    /** Checks that it can still be cancelled; throws the refusal otherwise. */
    public void verifyCancel() {
        if (status != TournamentStatus.REGISTERING && status != TournamentStatus.RUNNING && status != TournamentStatus.CANCELLING) {
            throw new TournamentRefusal(TournamentRefusal.Code.ALREADY_OVER, "tournament " + id + " is "
                    + status.name().toLowerCase() + ": only a tournament that has not finished can be cancelled");
        }
    }

    /** Cancels it: every registered entry's buy-in and fee go back. Returns those entries. */
    public List<Long> cancel() {
        verifyCancel();
        status = TournamentStatus.CANCELLING;
        return List.copyOf(entries.values());
    }

    /** Every buy-in and fee went back. */
    public void refunded() {
        if (status != TournamentStatus.CANCELLING) {
            throw new IllegalStateException("tournament " + id + " is " + status + ", not cancelling");
        }
        status = TournamentStatus.CANCELLED;
    }
}
