package io.chipledger.server.game.holdem;

import io.chipledger.money.RakeRule;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Everything a hand needs before the first card: who plays with what stack, in seat order starting left of the
 * button (the button last), the stakes, the rake, whether a losing hand may be mucked at showdown, the
 * {@link Reopening} rule ({@link Reopening#FULL_RAISE_ONLY} at our tables) and the {@link Variant} played. A player
 * may post a live big blind from a seat after the blinds and before the button ({@link PlayerSeat#postsBigBlind}).
 */
public record HandSetup(List<PlayerSeat> players, Stakes stakes, RakeRule rake, boolean muckLosingHands,
                        Reopening reopening, Variant variant) {

    public static final int MIN_PLAYERS = 2;
    public static final int MAX_PLAYERS = 10;

    public HandSetup {
        players = List.copyOf(players);
        Objects.requireNonNull(stakes, "stakes");
        Objects.requireNonNull(rake, "rake");
        Objects.requireNonNull(reopening, "reopening");
        Objects.requireNonNull(variant, "variant");
        if (players.size() < MIN_PLAYERS || players.size() > MAX_PLAYERS) {
            throw new IllegalArgumentException("a hand needs 2 to 10 players, got " + players.size());
        }
        if (new HashSet<>(players.stream().map(PlayerSeat::seat).toList()).size() != players.size()) {
            throw new IllegalArgumentException("two players in the same seat: " + players);
        }
        if (stakes.hasStraddle() && players.size() < 3) {
            throw new IllegalArgumentException("a straddle needs at least three players");
        }
        int lastBlind = stakes.hasStraddle() ? 2 : 1;
        for (int position = 0; position < players.size(); position++) {
            // An extra big blind comes from a seat after the blinds (and straddle), never the button's: the button
            // and the small blind are not bought with a post.
            if (players.get(position).postsBigBlind() && (position <= lastBlind || position == players.size() - 1)) {
                throw new IllegalArgumentException("seat " + players.get(position).seat() + " cannot post a big blind "
                        + "in position " + position + " of " + players.size() + ": only after the blinds, before the button");
            }
        }
        if (players.size() * variant.holeCards() + 5 > 52) {
            throw new IllegalArgumentException("a deck cannot deal " + players.size() + " players "
                    + variant.holeCards() + " hole cards each and a board");
        }
    }

    /** A No-Limit Texas Hold'em hand. */
    public HandSetup(List<PlayerSeat> players, Stakes stakes, RakeRule rake, boolean muckLosingHands,
                     Reopening reopening) {
        this(players, stakes, rake, muckLosingHands, reopening, Variant.NO_LIMIT_TEXAS_HOLDEM);
    }

    /** No rake, losing hands mucked, short all-ins do not reopen the betting: the usual No-Limit Hold'em cash game. */
    public static HandSetup of(List<PlayerSeat> players, Stakes stakes) {
        return new HandSetup(players, stakes, RakeRule.NONE, true, Reopening.FULL_RAISE_ONLY);
    }

    public HandSetup withRake(RakeRule newRake) {
        return new HandSetup(players, stakes, newRake, muckLosingHands, reopening, variant);
    }

    public HandSetup withMuckLosingHands(boolean muck) {
        return new HandSetup(players, stakes, rake, muck, reopening, variant);
    }

    public HandSetup withReopening(Reopening rule) {
        return new HandSetup(players, stakes, rake, muckLosingHands, rule, variant);
    }

    public HandSetup withVariant(Variant newVariant) {
        return new HandSetup(players, stakes, rake, muckLosingHands, reopening, newVariant);
    }
}
