package io.chipledger.ledger;

/** Why the ledger refused a posting. A rejected posting changed no balance and did not consume its key. */
public enum RejectReason {
    /** An account without allowance to go negative would have. */
    INSUFFICIENT_FUNDS,
    /** The key was already used by a posting with different content. */
    IDEMPOTENCY_CONFLICT,
    UNKNOWN_ACCOUNT,
    SAME_ACCOUNT,
    NON_POSITIVE_AMOUNT,
    /** The two accounts of a leg keep different currencies. */
    CURRENCY_MISMATCH,
    /** Missing or malformed key, no legs, or too many legs. */
    MALFORMED_POSTING,
    /** The ledger was closed before the posting could be written. */
    LEDGER_CLOSED,
    /**
     * The posting's fence no longer stands: the lease it names was claimed again (a higher epoch) since its maker
     * claimed it, or does not exist. Its maker must stop acting for that resource at once.
     */
    FENCED
}
