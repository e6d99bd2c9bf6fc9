package io.chipledger.server.tournament;

import java.math.BigDecimal;
import java.util.List;

/**
 * The share of the prize pool each paid place wins, in percent, best place first: 65/35, 50/30/20. The shares are
 * positive, have at most two decimals, never grow from one place to the next and add up to exactly 100.
 */
public record PayoutTable(List<BigDecimal> percents) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public PayoutTable {
        percents = List.copyOf(percents);
        if (percents.isEmpty()) {
            throw new IllegalArgumentException("a payout table pays at least one place");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < percents.size(); i++) {
            BigDecimal percent = percents.get(i);
            if (percent.signum() <= 0 || percent.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException("place " + (i + 1) + " is paid a positive percentage with at most two "
                        + "decimals, not " + percent.toPlainString());
            }
            if (i > 0 && percent.compareTo(percents.get(i - 1)) > 0) {
                throw new IllegalArgumentException("place " + (i + 1) + " (" + percent.toPlainString() + "%) would win more "
                        + "than place " + i + " (" + percents.get(i - 1).toPlainString() + "%)");
            }
            sum = sum.add(percent);
        }
        if (sum.compareTo(HUNDRED) != 0) {
            throw new IllegalArgumentException("a payout table adds up to 100%, not " + sum.toPlainString() + "%");
        }
    }

    /** Parses "65/35" or "50/30/20". */
    public static PayoutTable parse(String text) {
        try {
            return new PayoutTable(java.util.Arrays.stream(text.split("/")).map(String::strip).map(BigDecimal::new).toList());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a payout table reads like 65/35 or 50/30/20, not \"" + text + "\"");
        }
    }

    /** How many places are paid. */
    public int places() {
        return percents.size();
    }

    /** "65/35". */
    @Override
    public String toString() {
        return String.join("/", percents.stream().map(p -> p.stripTrailingZeros().toPlainString()).toList());
    }
}
