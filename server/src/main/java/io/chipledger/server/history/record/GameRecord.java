package io.chipledger.server.history.record;

import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import io.chipledger.server.game.holdem.Ante;
import io.chipledger.server.game.holdem.Stakes;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The rules a hand was played under: No-Limit Hold'em stakes, the ante, the rake rule and the table's size.
 *
 * @param ante      {@link Money#ZERO} when {@code anteKind} is NONE
 * @param anteKind  NONE, UNIFORM (every player) or BIG_BLIND (the big blind posts it for everyone, dead)
 * @param seatCount seats at the table, not players dealt in
 */
public record GameRecord(String variant, Money smallBlind, Money bigBlind, Money straddle, Money ante, String anteKind,
                         Money minBet, BigDecimal rakePercent, Money rakeCap, boolean rakeNoFlopNoDrop, int seatCount) {

    public static final String NO_LIMIT_HOLDEM = "NLHE";

    public GameRecord {
        Objects.requireNonNull(smallBlind, "smallBlind");
        Objects.requireNonNull(bigBlind, "bigBlind");
        Objects.requireNonNull(rakePercent, "rakePercent");
    }

    public static GameRecord of(Stakes stakes, RakeRule rake, int seatCount) {
        Money ante = Money.ZERO;
        String kind = "NONE";
        if (stakes.ante() instanceof Ante.Uniform uniform) {
            ante = uniform.amount();
            kind = "UNIFORM";
        } else if (stakes.ante() instanceof Ante.BigBlind bigBlind) {
            ante = bigBlind.amount();
            kind = "BIG_BLIND";
        }
        return new GameRecord(NO_LIMIT_HOLDEM, stakes.smallBlind(), stakes.bigBlind(), stakes.straddle(), ante, kind,
                stakes.minBet(), rake.percent(), rake.cap(), rake.noFlopNoDrop(), seatCount);
    }

    /** The stakes again, as the engine takes them. */
    public Stakes stakes() {
        Ante engineAnte = switch (anteKind) {
            case "UNIFORM" -> new Ante.Uniform(ante);
            case "BIG_BLIND" -> new Ante.BigBlind(ante);
            default -> new Ante.None();
        };
        return new Stakes(smallBlind, bigBlind, straddle, engineAnte, minBet);
    }

    public RakeRule rake() {
        return new RakeRule(rakePercent, rakeCap, rakeNoFlopNoDrop);
    }

    public boolean raked() {
        return rakePercent.signum() > 0 && rakeCap.isPositive();
    }
}
