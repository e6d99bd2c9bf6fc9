package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;
import java.util.List;

/**
 * A main ({@code index} 0) or side pot: its amount and the seats that can win it (contributed to its level and did not
 * fold), in seat order from left of the button.
 */
public record Pot(int index, Money amount, List<Integer> eligibleSeats) {

    public Pot {
        eligibleSeats = List.copyOf(eligibleSeats);
    }
}
