package io.chipledger.protocol;

/** A player's betting decision as the wire names it. */
public enum ActionKind {
    FOLD,
    CHECK,
    CALL,
    BET,
    RAISE,
    ALL_IN
}
