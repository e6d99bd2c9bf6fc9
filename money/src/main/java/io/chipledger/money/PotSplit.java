package io.chipledger.money;

import java.util.List;

/**
 * The result of dividing an amount among recipients: one share each, in the order they were given. The shares always
 * add up exactly to {@link #total()}; {@link Share#oddCent()} marks who received one of the leftover cents.
 */
public record PotSplit<R>(Money total, List<Share<R>> shares) {

    public PotSplit {
        shares = List.copyOf(shares);
        Money sum = Money.ZERO;
        for (Share<R> share : shares) {
            sum = sum.plus(share.amount());
        }
        if (!sum.equals(total)) {
            throw new IllegalStateException("shares " + sum + " do not add up to " + total);
        }
    }

    /** One recipient's part; {@code oddCent} is true when it includes one leftover cent. */
    public record Share<R>(R recipient, Money amount, boolean oddCent) {
    }

    /** Recipients who got an odd cent, in the order the cents were handed out. */
    public List<R> oddCentRecipients() {
        return shares.stream().filter(Share::oddCent).map(Share::recipient).toList();
    }
}
