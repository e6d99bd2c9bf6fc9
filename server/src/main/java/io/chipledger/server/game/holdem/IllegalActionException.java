package io.chipledger.server.game.holdem;

import java.util.Objects;

/** A command the hand refused; the hand is unchanged. {@link #reason()} is the code, the message says why in words. */
public final class IllegalActionException extends RuntimeException {

    private final Refusal reason;

    public IllegalActionException(Refusal reason, String message) {
        super(reason + ": " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Refusal reason() {
        return reason;
    }
}
