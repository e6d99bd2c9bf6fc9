package io.chipledger.server.game.holdem;

/** The four betting rounds and how many board cards open each one. */
public enum Street {
    PREFLOP(0),
    FLOP(3),
    TURN(1),
    RIVER(1);

    private final int boardCards;

    Street(int boardCards) {
        this.boardCards = boardCards;
    }

    /** Cards dealt to the board when this street begins. */
    public int boardCards() {
        return boardCards;
    }

    public Street next() {
        if (this == RIVER) {
            throw new IllegalStateException("no street after the river");
        }
        return values()[ordinal() + 1];
    }
}
