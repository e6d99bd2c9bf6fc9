package io.chipledger.money;

/** An amount that is not exactly representable in cents, or not an amount at all. The message says which and why. */
public final class MoneyFormatException extends IllegalArgumentException {
    public MoneyFormatException(String message) {
        super(message);
    }
}
