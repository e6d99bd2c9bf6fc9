package io.chipledger.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

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
    private static final Pattern EXACT = Pattern.compile("-?[0-9]+(\\.[0-9]{1,2})?");
    /** Digits and a point but too many decimals: told apart so the refusal can say what is wrong. */
    private static final Pattern EXACT_DIGITS = Pattern.compile("-?[0-9]+\\.[0-9]{3,}");

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

    /**
     * Parses the one form Money is written in, and nothing else: an optional {@code -}, digits, and optionally a point
     * with one or two digits ({@code "12.50"}, {@code "3"}, {@code "-0.01"}). For input from outside (the wire, the
     * admin API), where a lenient reading would let {@code "+50"}, {@code " 50"} or {@code "50.000"} through as 50.00:
     * anything else is refused with a {@link MoneyFormatException} naming the rule. {@link #parse} stays lenient for
     * what a person types on the command line and what hand-history files hold.
     */
    public static Money parseExact(String text) {
        if (text == null) {
            throw new MoneyFormatException("amount is missing");
        }
        if (text.length() > MAX_TEXT_LENGTH || !EXACT.matcher(text).matches()) {
            String shown = printable(abbreviate(text));
            if (EXACT_DIGITS.matcher(text).matches()) {
                new Money(new BigDecimal(text)); // refuses a value finer than a cent in its own words
                throw new MoneyFormatException("amount " + shown + " has more than two decimals: amounts are exact to"
                        + " the cent and written with at most two (12.50)");
            }
            throw new MoneyFormatException("not an amount: " + shown
                    + " (expected digits with at most two decimals, such as 12.50, nothing before or after)");
        }
        return new Money(new BigDecimal(text));
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

    /** The text in quotes, with control and invisible characters written as {@code \\uXXXX} so a refusal shows them. */
    private static String printable(String text) {
        StringBuilder shown = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.append('"').toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= MAX_TEXT_LENGTH ? text : text.substring(0, MAX_TEXT_LENGTH) + "...";
    }
}
