package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The net effect of a hand's chip movements on each account: what a ledger would post. A finished hand tallies to zero
 * in the pot, and the seats' changes plus the house's rake add up to zero: no chip made or lost.
 */
public record ChipTally(Map<ChipAccount, Money> net) {

    public ChipTally {
        net = Map.copyOf(net);
    }

    public static ChipTally of(List<HandEvent> events) {
        Map<ChipAccount, Money> net = new LinkedHashMap<>();
        for (HandEvent event : events) {
            if (event instanceof ChipMovement movement) {
                if (!movement.amount().isPositive()) {
                    throw new IllegalStateException("a chip movement must be positive: " + event);
                }
                net.merge(movement.from(), movement.amount().negate(), Money::plus);
                net.merge(movement.to(), movement.amount(), Money::plus);
            }
        }
        return new ChipTally(net);
    }

    public Money of(ChipAccount account) {
        return net.getOrDefault(account, Money.ZERO);
    }

    public Money seat(int seat) {
        return of(ChipAccount.seat(seat));
    }

    public Money pot() {
        return of(ChipAccount.POT);
    }

    public Money rake() {
        return of(ChipAccount.HOUSE);
    }

    /** Every account's change added together; zero whenever chips were only moved, never made or destroyed. */
    public Money total() {
        Money total = Money.ZERO;
        for (Money amount : net.values()) {
            total = total.plus(amount);
        }
        return total;
    }
}
