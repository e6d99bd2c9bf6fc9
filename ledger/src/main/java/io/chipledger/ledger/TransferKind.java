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
    ADMIN_ADJUSTMENT,
    /** A tournament's entry fee, wallet to the tournament's fee account (its buy-in moves as a {@link #BUY_IN}). */
    ENTRY_FEE,
    /** A tournament prize, prize pool to the winner's wallet. */
    PRIZE
}
