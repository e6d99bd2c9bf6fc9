package io.chipledger.money;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Divides a pot among its winners to the cent. Equal shares; the leftover cents (fewer than the number of winners)
 * go one each to the winners in the order given, which callers make seat order starting left of the button
 * (Robert's Rules of Poker). Nothing is rounded away: the shares always add up to the pot.
 */
public final class PotSplitter {

    private PotSplitter() {
    }

    /**
     * @param pot     a non-negative amount
     * @param winners distinct recipients in seat order starting left of the button; at least one
     */
    public static <R> PotSplit<R> split(Money pot, List<R> winners) {
        if (pot.isNegative()) {
            throw new IllegalArgumentException("cannot split a negative pot: " + pot);
        }
        if (winners.isEmpty()) {
            throw new IllegalArgumentException("a pot of " + pot + " needs at least one winner");
        }
        if (new HashSet<>(winners).size() != winners.size()) {
            throw new IllegalArgumentException("winners must be distinct: " + winners);
        }
        long cents = pot.toCents();
        int n = winners.size();
        long each = cents / n;
        long oddCents = cents % n;
        List<PotSplit.Share<R>> shares = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean odd = i < oddCents;
            shares.add(new PotSplit.Share<>(winners.get(i), Money.ofCents(odd ? each + 1 : each), odd));
        }
        return new PotSplit<>(pot, shares);
    }
}
