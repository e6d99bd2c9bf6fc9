package io.chipledger.server.history.record;

import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import io.chipledger.server.game.holdem.Ante;
import io.chipledger.server.game.holdem.Stakes;
import io.chipledger.server.game.holdem.Variant;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The rules a hand was played under: the game, its stakes, the ante, the rake rule and the table's size.
 *
 * @param variant   the game's {@link Variant#code()}: {@code NLHE} (No-Limit Hold'em) or {@code PLO} (Pot-Limit Omaha)
 * @param ante      {@link Money#ZERO} when {@code anteKind} is NONE
 * @param anteKind  NONE, UNIFORM (every player) or BIG_BLIND (the big blind posts it for everyone, dead)
 * @param seatCount seats at the table, not players dealt in
 * @param tournament the sit-and-go of a tournament table's hand (its amounts are tournament chips); absent at cash tables
 */
public record GameRecord(String variant, Money smallBlind, Money bigBlind, Money straddle, Money ante, String anteKind,
                         Money minBet, BigDecimal rakePercent, Money rakeCap, boolean rakeNoFlopNoDrop, int seatCount,
                         @JsonInclude(JsonInclude.Include.NON_NULL) TournamentRecord tournament) {

    public GameRecord {
        Objects.requireNonNull(smallBlind, "smallBlind");
        Objects.requireNonNull(bigBlind, "bigBlind");
        Objects.requireNonNull(rakePercent, "rakePercent");
    }

    /** A No-Limit Hold'em hand's rules. */
    public static GameRecord of(Stakes stakes, RakeRule rake, int seatCount) {
        return of(Variant.NO_LIMIT_TEXAS_HOLDEM, stakes, rake, seatCount);
    }

    public static GameRecord of(Variant variant, Stakes stakes, RakeRule rake, int seatCount) {
        Money ante = Money.ZERO;
        String kind = "NONE";
        if (stakes.ante() instanceof Ante.Uniform uniform) {
            ante = uniform.amount();
            kind = "UNIFORM";
        } else if (stakes.ante() instanceof Ante.BigBlind bigBlind) {
            ante = bigBlind.amount();
            kind = "BIG_BLIND";
        }
        return new GameRecord(variant.code(), stakes.smallBlind(), stakes.bigBlind(), stakes.straddle(), ante, kind,
                stakes.minBet(), rake.percent(), rake.cap(), rake.noFlopNoDrop(), seatCount, null);
    }

    /** These rules, for a hand of the sit-and-go {@code played}. */
    public GameRecord inTournament(TournamentRecord played) {
        return new GameRecord(variant, smallBlind, bigBlind, straddle, ante, anteKind, minBet, rakePercent, rakeCap,
                rakeNoFlopNoDrop, seatCount, played);
    }

    /** The game again, as the engine takes it. */
    public Variant engineVariant() {
        return Variant.ofCode(variant);
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
