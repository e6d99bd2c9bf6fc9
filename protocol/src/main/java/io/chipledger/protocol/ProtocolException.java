package io.chipledger.protocol;

/** A message the server refuses before it reaches any table: the code goes back to the client in an error message. */
public final class ProtocolException extends RuntimeException {

    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
