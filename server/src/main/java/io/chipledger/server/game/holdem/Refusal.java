package io.chipledger.server.game.holdem;

/** Why a command was refused: a stable code clients and logs can rely on. */
public enum Refusal {
    HAND_COMPLETE,
    UNKNOWN_SEAT,
    NOT_DEALING_HOLE_CARDS,
    HOLE_CARDS_ALREADY_DEALT,
    NOT_DEALING_BOARD,
    WRONG_CARD_COUNT,
    CARD_ALREADY_DEALT,
    NOT_BETTING_NOW,
    NOT_YOUR_TURN,
    CHECK_FACING_BET,
    NOTHING_TO_CALL,
    BET_ALREADY_OPEN,
    NO_BET_TO_RAISE,
    ALREADY_COVERED,
    NO_OPPONENT_CAN_CALL,
    BETTING_NOT_REOPENED,
    BELOW_MINIMUM,
    MORE_THAN_STACK,
    /** More than the betting structure allows (the pot, in pot-limit), though the stack would cover it. */
    ABOVE_LIMIT
}
