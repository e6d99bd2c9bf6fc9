package io.chipledger.server.tournament;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who is still in and where the others finished. Players busting in the same hand finish in the order of the chips
 * they started it with, the larger stack placing higher; those who started it with the same stack tie for the places
 * they cover between them (Robert's Rules of Poker, tournament section). The last player left wins: place 1.
 */
public final class Standings {

    private final Set<Long> remaining;
    private final List<Placing> placings = new ArrayList<>();

    public Standings(List<Long> players) {
        this.remaining = new LinkedHashSet<>(players);
        if (remaining.size() != players.size() || players.size() < 2) {
            throw new IllegalArgumentException("standings need two or more distinct players: " + players);
        }
    }

    /** Standings as stored: the players still in, and the placings already decided. */
    public static Standings restore(List<Long> remaining, List<Placing> decided) {
        List<Long> everyone = new ArrayList<>(remaining);
        decided.forEach(placing -> everyone.addAll(placing.players()));
        Standings standings = new Standings(everyone);
        for (Placing placing : decided) {
            standings.remaining.removeAll(placing.players());
            standings.placings.add(placing);
        }
        standings.checkPlaces();
        return standings;
    }

    /**
     * The players who busted in one hand are out: returns their placings, worst first, and the winner's (place 1) when
     * one player is left.
     *
     * @throws IllegalArgumentException when a bust names a player not in, twice, or every player still in
     */
    public List<Placing> eliminate(List<Bust> busts) {
        Set<Long> out = new LinkedHashSet<>();
        for (Bust bust : busts) {
            if (!remaining.contains(bust.playerId()) || !out.add(bust.playerId())) {
                throw new IllegalArgumentException("player " + bust.playerId() + " is not in, or busts twice: " + busts);
            }
        }
        if (out.size() >= remaining.size()) {
            throw new IllegalArgumentException("someone wins every hand: " + busts + " would leave no one of " + remaining);
        }
        // Smallest starting stack first: it takes the worst place still open.
        Map<Long, List<Bust>> byStack = new TreeMap<>();
        busts.forEach(bust -> byStack.computeIfAbsent(bust.stackAtHandStart(), s -> new ArrayList<>()).add(bust));
        List<Placing> decided = new ArrayList<>();
        int worstOpen = remaining.size();
        for (List<Bust> tied : byStack.values()) {
            List<Long> players = tied.stream().sorted(Comparator.comparingInt(Bust::seatOrder)).map(Bust::playerId).toList();
            decided.add(new Placing(worstOpen - players.size() + 1, players));
            worstOpen -= players.size();
        }
        remaining.removeAll(out);
        if (remaining.size() == 1) {
            decided.add(new Placing(1, List.copyOf(remaining)));
            remaining.clear();
        }
        placings.addAll(decided);
        return decided;
    }

    public boolean decided() {
        return remaining.isEmpty();
    }

    public Set<Long> remaining() {
        return Set.copyOf(remaining);
    }

    /** Every placing so far, in the order decided (worst first). */
    public List<Placing> placings() {
        return List.copyOf(placings);
    }

    private void checkPlaces() {
        int expected = remaining.size() + placings.stream().mapToInt(p -> p.players().size()).sum();
        for (Placing placing : placings) {
            if (placing.lastPlace() != expected) {
                throw new IllegalStateException("stored placings leave a gap at place " + expected + ": " + placings);
            }
            expected = placing.place() - 1;
        }
    }
}
