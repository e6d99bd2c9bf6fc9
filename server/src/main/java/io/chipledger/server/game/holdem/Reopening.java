package io.chipledger.server.game.holdem;

/** Whether a short all-in raise lets players who already acted raise again. */
public enum Reopening {
    /**
     * The house rule (Robert's Rules, TDA): an all-in for less than a full raise does not reopen the betting for players
     * who already acted, unless short all-ins since they acted add up to a full raise.
     */
    FULL_RAISE_ONLY,
    /**
     * Every raise reopens the betting, as pokerkit plays it; only for replaying hand histories recorded that way.
     */
    ANY_RAISE
}
