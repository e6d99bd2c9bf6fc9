package io.chipledger.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How much of a pot the house takes: a percentage, capped, rounded down to the cent (the house never takes a fraction
 * of a cent it has not earned), and optionally nothing at all when the hand ended before the flop ("no flop, no drop").
 *
 * @param percent          0 to 100, at most two decimals (e.g. 5 or 4.75)
 * @param cap              the most taken from one hand; {@link Money#ZERO} means no rake
 * @param noFlopNoDrop     when true, a hand that ends before the flop is not raked
 */
public record RakeRule(BigDecimal percent, Money cap, boolean noFlopNoDrop) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    public static final RakeRule NONE = new RakeRule(BigDecimal.ZERO, Money.ZERO, true);

    public RakeRule {
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(cap, "cap");
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("rake percent must be between 0 and 100, was " + percent.toPlainString());
        }
        if (percent.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("rake percent has at most two decimals, was " + percent.toPlainString());
        }
        if (cap.isNegative()) {
            throw new IllegalArgumentException("rake cap must not be negative, was " + cap);
        }
    }

    /** The house's cut of {@code pot} and what is left for the players; the two always add up to the pot. */
    public RakeCut apply(Money pot, boolean flopDealt) {
        if (pot.isNegative()) {
            throw new IllegalArgumentException("cannot rake a negative pot: " + pot);
        }
        Money rake = Money.ZERO;
        if (flopDealt || !noFlopNoDrop) {
            BigDecimal exact = pot.amount().multiply(percent).divide(HUNDRED);
            rake = Money.of(exact.setScale(Money.SCALE, RoundingMode.DOWN)).min(cap);
        }
        return new RakeCut(pot, rake, pot.minus(rake));
    }

    /** A pot divided between the house ({@code rake}) and the players ({@code remainder}). */
    public record RakeCut(Money pot, Money rake, Money remainder) {
        public RakeCut {
            if (!rake.plus(remainder).equals(pot)) {
                throw new IllegalStateException("rake " + rake + " + remainder " + remainder + " != pot " + pot);
            }
        }
    }
}
