package io.chipledger.ledger.postgres;

/** The database failed in a way retries did not cure; whether the posting committed is unknown to the caller. */
public final class LedgerException extends RuntimeException {
    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
