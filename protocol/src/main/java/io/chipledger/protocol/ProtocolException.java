package io.chipledger.protocol;

/**
 * A message the server refuses before it reaches any table: the code goes back to the client in an error message.
 * Without a stack trace: it is an answer to a client, never a bug to trace, and a flood of hostile frames should not
 * cost the event loops a stack walk each.
 */
public final class ProtocolException extends RuntimeException {

    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
