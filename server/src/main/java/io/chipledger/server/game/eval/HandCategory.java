package io.chipledger.server.game.eval;

/** The nine kinds of five-card poker hand, weakest first. */
public enum HandCategory {
    HIGH_CARD("high card"),
    ONE_PAIR("a pair"),
    TWO_PAIR("two pair"),
    THREE_OF_A_KIND("three of a kind"),
    STRAIGHT("a straight"),
    FLUSH("a flush"),
    FULL_HOUSE("a full house"),
    FOUR_OF_A_KIND("four of a kind"),
    STRAIGHT_FLUSH("a straight flush");

    private final String phrase;

    HandCategory(String phrase) {
        this.phrase = phrase;
    }

    /** How a hand history names it: "a flush", "two pair". */
    public String phrase() {
        return phrase;
    }
}
