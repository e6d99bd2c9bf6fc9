package io.chipledger.server.game.holdem;

import io.chipledger.server.game.eval.HandRanking;
import java.util.Objects;

/**
 * A game of the hold'em family (hole cards, a shared board dealt three, one, one, four betting rounds): how many
 * hole cards each player gets, how much a bet may be, and how a hand is made for the showdown. Everything else (forced
 * bets, side pots, odd cents, uncalled bets) is the same for every variant. Five-card Omaha would be one more line
 * here: five hole cards, {@link BettingStructure#POT_LIMIT}, {@link HandRanking#OMAHA}.
 */
public enum Variant {

    NO_LIMIT_TEXAS_HOLDEM("NLHE", 2, BettingStructure.NO_LIMIT, HandRanking.TEXAS),
    POT_LIMIT_OMAHA_HOLDEM("PLO", 4, BettingStructure.POT_LIMIT, HandRanking.OMAHA);

    private final String code;
    private final int holeCards;
    private final BettingStructure betting;
    private final HandRanking ranking;

    Variant(String code, int holeCards, BettingStructure betting, HandRanking ranking) {
        this.code = code;
        this.holeCards = holeCards;
        this.betting = betting;
        this.ranking = ranking;
    }

    /** The short name hand records, the lobby and the command line use: {@code NLHE}, {@code PLO}. */
    public String code() {
        return code;
    }

    public int holeCards() {
        return holeCards;
    }

    public BettingStructure betting() {
        return betting;
    }

    public HandRanking ranking() {
        return ranking;
    }

    /**
     * The variant with this {@link #code()}, case-insensitive.
     *
     * @throws IllegalArgumentException naming the known codes when there is no such variant
     */
    public static Variant ofCode(String code) {
        Objects.requireNonNull(code, "code");
        for (Variant variant : values()) {
            if (variant.code.equalsIgnoreCase(code.strip())) {
                return variant;
            }
        }
        throw new IllegalArgumentException("no game '" + code + "': NLHE (No-Limit Hold'em) or PLO (Pot-Limit Omaha)");
    }
}
