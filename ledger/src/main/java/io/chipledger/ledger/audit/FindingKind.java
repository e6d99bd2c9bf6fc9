package io.chipledger.ledger.audit;

/** The invariant a finding breaks. */
public enum FindingKind {
    /** A stored balance differs from the sum of the account's entries. */
    BALANCE_NOT_DERIVED,
    /** Per currency, balances do not sum to zero: chips were created or destroyed. */
    NOT_CONSERVED,
    /** An account's entries skip or repeat a version, or a balance link does not follow from the one before. */
    BROKEN_CHAIN,
    /** An account's stored version or balance is not that of its last entry. */
    STALE_ACCOUNT,
    /** A non-cashier account is, or once was, below zero. */
    NEGATIVE_BALANCE,
    /** A transfer without exactly one matching debit and one matching credit entry. */
    UNBALANCED_TRANSFER,
    /** A row that refers to a transfer, posting or account that does not exist. */
    ORPHAN,
    /** A posting whose number of transfers is not the number of legs it declared. */
    WRONG_LEG_COUNT,
    /** A transfer between accounts of different currencies. */
    CURRENCY_MIXED,
    /** One idempotency key on more than one posting. */
    DUPLICATE_KEY
}
