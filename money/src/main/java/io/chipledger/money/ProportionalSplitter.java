package io.chipledger.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Divides an amount in proportion to percentages (a tournament's payout table: 65/35, 50/30/20) to the cent. Each
 * recipient first gets its exact share rounded down to the cent; the leftover cents (fewer than the number of
 * recipients) then go one each to the recipients in the order given, which callers make best place first: the odd
 * cent goes to the higher place. Nothing is rounded away: the shares always add up to the whole.
 */
public final class ProportionalSplitter {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ProportionalSplitter() {
    }

    /** A recipient and its percentage of the whole. */
    public record Weighted<R>(R recipient, BigDecimal percent) {
        public Weighted {
            Objects.requireNonNull(recipient, "recipient");
            Objects.requireNonNull(percent, "percent");
        }
    }

    /**
     * @param total      a non-negative amount
     * @param recipients distinct recipients, in the order leftover cents are handed out; their percentages are
     *                   positive and add up to exactly 100
     */
    public static <R> PotSplit<R> split(Money total, List<Weighted<R>> recipients) {
        if (total.isNegative()) {
            throw new IllegalArgumentException("cannot divide a negative amount: " + total);
        }
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("an amount of " + total + " needs at least one recipient");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Weighted<R> weighted : recipients) {
            if (weighted.percent().signum() <= 0) {
                throw new IllegalArgumentException("percentages must be positive, not " + weighted.percent().toPlainString());
            }
            sum = sum.add(weighted.percent());
        }
        if (sum.compareTo(HUNDRED) != 0) {
            throw new IllegalArgumentException("percentages must add up to 100, not " + sum.toPlainString());
        }
        if (new HashSet<>(recipients.stream().map(Weighted::recipient).toList()).size() != recipients.size()) {
            throw new IllegalArgumentException("recipients must be distinct: " + recipients);
        }
        BigDecimal cents = BigDecimal.valueOf(total.toCents());
        List<Long> floors = new ArrayList<>(recipients.size());
        long leftover = total.toCents();
        for (Weighted<R> weighted : recipients) {
            long floor = cents.multiply(weighted.percent()).divide(HUNDRED, 0, RoundingMode.DOWN).longValueExact();
            floors.add(floor);
            leftover -= floor;
        }
        // Each floor lost less than a cent, so fewer leftover cents than recipients remain: at most one each.
        List<PotSplit.Share<R>> shares = new ArrayList<>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            boolean odd = i < leftover;
            shares.add(new PotSplit.Share<>(recipients.get(i).recipient(), Money.ofCents(floors.get(i) + (odd ? 1 : 0)), odd));
        }
        return new PotSplit<>(total, shares);
    }
}
