package io.chipledger.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount of chips, exact to the cent. The only way amounts move through the system: parsing, arithmetic,
 * formatting, JSON and JDBC all go through here, so no value finer than a cent ever enters and nothing is rounded.
 *
 * <p>A value is a {@link BigDecimal} at scale 2 within {@code ±MAX}. A negative value is allowed (a cashier balance,
 * a delta); whether an amount must be positive is the caller's rule.
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    /** Money's unit is one cent. */
    public static final int SCALE = 2;
    /** Largest magnitude: 15 integer digits, so every value fits a {@code NUMERIC(17,2)} column and a {@code long} of cents. */
    public static final BigDecimal MAX = new BigDecimal("999999999999999.99");
    public static final Money ZERO = new Money(BigDecimal.ZERO);
    public static final Money CENT = new Money(new BigDecimal("0.01"));

    private static final int MAX_TEXT_LENGTH = 40;

    /** Normalizes to scale 2 without rounding; a finer fraction or an out-of-range magnitude is refused. */
    public Money {
        Objects.requireNonNull(amount, "amount");
        amount = exactCents(amount);
    }

    /**
     * Parses a plain decimal such as {@code "12.5"} or {@code "-0.01"}. Exponents, thousands separators, NaN, infinity,
     * blank text and fractions finer than a cent are refused with a {@link MoneyFormatException} naming the input.
     */
    public static Money parse(String text) {
        if (text == null) {
            throw new MoneyFormatException("amount is missing");
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_TEXT_LENGTH || !isPlainDecimal(trimmed)) {
            throw new MoneyFormatException("not an amount: \"" + abbreviate(text) + "\" (expected a plain decimal such as 12.50)");
        }
        return new Money(new BigDecimal(trimmed));
    }

    public static Money of(BigDecimal amount) {
        return new Money(amount);
    }

    public static Money of(String text) {
        return parse(text);
    }

    public static Money ofCents(long cents) {
        return new Money(BigDecimal.valueOf(cents, SCALE));
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isGreaterThan(Money other) {
        return compareTo(other) > 0;
    }

    public boolean isLessThan(Money other) {
        return compareTo(other) < 0;
    }

    /** The amount as a whole number of cents; exact because the magnitude is bounded by {@link #MAX}. */
    public long toCents() {
        return amount.unscaledValue().longValueExact();
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    /** Plain text at two decimals, e.g. {@code "12.50"}: the wire and export form. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }

    private static BigDecimal exactCents(BigDecimal value) {
        BigDecimal cents;
        try {
            cents = value.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException finer) {
            throw new MoneyFormatException("amount " + abbreviate(value.toPlainString())
                    + " is finer than a cent; amounts are exact to 0.01 and never rounded");
        }
        if (cents.abs().compareTo(MAX) > 0) {
            throw new MoneyFormatException("amount " + abbreviate(value.toPlainString()) + " is out of range (at most " + MAX + ")");
        }
        return cents; // always scale 2, so equals and hashCode agree with compareTo
    }

    private static boolean isPlainDecimal(String s) {
        int i = 0;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            i++;
        }
        int digitsBefore = 0;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
            digitsBefore++;
        }
        int digitsAfter = 0;
        if (i < s.length() && s.charAt(i) == '.') {
            i++;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
                digitsAfter++;
            }
        }
        return i == s.length() && digitsBefore + digitsAfter > 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_TEXT_LENGTH ? text : text.substring(0, MAX_TEXT_LENGTH) + "...";
    }
}
