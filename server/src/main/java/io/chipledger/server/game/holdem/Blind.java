package io.chipledger.server.game.holdem;

/** The live forced bets posted before the cards. */
public enum Blind {
    SMALL,
    BIG,
    STRADDLE
}
