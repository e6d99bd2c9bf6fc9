package io.chipledger.server.tournament;

import java.util.List;

/**
 * Where one or more players finished: {@code players} share places {@code place} to {@link #lastPlace()} (one player:
 * that place alone; two who busted in the same hand with the same stack: a tie for two places). The players are in
 * the order a shared prize's odd cents go to them.
 */
public record Placing(int place, List<Long> players) {

    public Placing {
        players = List.copyOf(players);
        if (place < 1 || players.isEmpty()) {
            throw new IllegalArgumentException("a placing is place 1 or lower, for at least one player: " + place + " " + players);
        }
    }

    public int lastPlace() {
        return place + players.size() - 1;
    }

    public boolean tied() {
        return players.size() > 1;
    }
}
