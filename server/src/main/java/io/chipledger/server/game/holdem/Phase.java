package io.chipledger.server.game.holdem;

/** What a hand is waiting for: hole cards, a player's action, board cards, or nothing (complete). */
public enum Phase {
    AWAITING_HOLE_CARDS,
    AWAITING_ACTION,
    AWAITING_BOARD,
    COMPLETE
}
