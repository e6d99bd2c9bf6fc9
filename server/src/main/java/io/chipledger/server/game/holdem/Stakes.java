package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;
import java.util.Objects;

/**
 * The forced bets and betting unit of a table.
 *
 * @param straddle {@link Money#ZERO} for none; otherwise posted by the player left of the big blind (3+ players)
 * @param minBet   the smallest opening bet and raise increment, normally the big blind
 */
public record Stakes(Money smallBlind, Money bigBlind, Money straddle, Ante ante, Money minBet) {

    public Stakes {
        Objects.requireNonNull(smallBlind, "smallBlind");
        Objects.requireNonNull(bigBlind, "bigBlind");
        Objects.requireNonNull(straddle, "straddle");
        Objects.requireNonNull(ante, "ante");
        Objects.requireNonNull(minBet, "minBet");
        if (smallBlind.isNegative() || !bigBlind.isPositive() || straddle.isNegative() || !minBet.isPositive()) {
            throw new IllegalArgumentException("blinds, straddle and minimum bet must not be negative and the big blind "
                    + "and minimum bet must be positive: " + smallBlind + "/" + bigBlind + ", straddle " + straddle
                    + ", min bet " + minBet);
        }
    }

    /** The usual table: small and big blind, no straddle, no ante, minimum bet equal to the big blind. */
    public static Stakes blinds(Money smallBlind, Money bigBlind) {
        return new Stakes(smallBlind, bigBlind, Money.ZERO, new Ante.None(), bigBlind);
    }

    public Stakes withAnte(Ante newAnte) {
        return new Stakes(smallBlind, bigBlind, straddle, newAnte, minBet);
    }

    public Stakes withStraddle(Money amount) {
        return new Stakes(smallBlind, bigBlind, amount, ante, minBet);
    }

    public boolean hasStraddle() {
        return straddle.isPositive();
    }
}
