package io.chipledger.ledger;

/** Why chips moved; stored as text so the journal reads without the code. */
public enum TransferKind {
    DEPOSIT,
    WITHDRAWAL,
    BUY_IN,
    BLIND,
    ANTE,
    BET,
    POT_AWARD,
    UNCALLED_BET_RETURN,
    RAKE,
    CASH_OUT,
    REFUND,
    ADMIN_ADJUSTMENT
}
