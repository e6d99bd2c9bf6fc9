package io.chipledger.ledger;

/** What an account holds chips for. Only the {@link #CASHIER}, which stands for the world outside, may go negative. */
public enum AccountKind {
    /** The outside world: deposits come from it, withdrawals go to it. Its balance is minus the chips in the system. */
    CASHIER,
    /** A player's chips away from the tables. */
    WALLET,
    /** A player's stack at one table seat. */
    SEAT,
    /** Chips committed to the current hand of one table. */
    POT,
    /** The house's take. */
    RAKE,
    /** A tournament's buy-ins, from registration until they are paid out as prizes or refunded. */
    PRIZE_POOL,
    /** A tournament's entry fees: the house's take from it, refunded only if it is cancelled. */
    FEE;

    public boolean mayGoNegative() {
        return this == CASHIER;
    }
}
