package io.chipledger.server.game;

/**
 * A playing card. Its {@link #index()} (0..51, {@code rank * 4 + suit}) is the form the evaluator and decks use; the
 * text form is the standard two characters, rank then suit: {@code "As"}, {@code "Td"}, {@code "2c"}.
 *
 * @param rank 0 (deuce) .. 12 (ace)
 * @param suit 0 clubs, 1 diamonds, 2 hearts, 3 spades
 */
public record Card(int rank, int suit) {

    public static final String RANKS = "23456789TJQKA";
    public static final String SUITS = "cdhs";
    private static final Card[] ALL = new Card[52];

    static {
        for (int i = 0; i < 52; i++) {
            ALL[i] = new Card(i >> 2, i & 3);
        }
    }

    public Card {
        if (rank < 0 || rank > 12 || suit < 0 || suit > 3) {
            throw new IllegalArgumentException("no such card: rank " + rank + ", suit " + suit);
        }
    }

    public static Card of(int index) {
        if (index < 0 || index >= 52) {
            throw new IllegalArgumentException("card index out of range: " + index);
        }
        return ALL[index];
    }

    /** Parses {@code "As"}; also accepts a lower-case rank ({@code "ts"}) as some hand histories write it. */
    public static Card parse(String text) {
        if (text == null || text.length() != 2) {
            throw new IllegalArgumentException("not a card: \"" + text + "\"");
        }
        int rank = RANKS.indexOf(Character.toUpperCase(text.charAt(0)));
        int suit = SUITS.indexOf(Character.toLowerCase(text.charAt(1)));
        if (rank < 0 || suit < 0) {
            throw new IllegalArgumentException("not a card: \"" + text + "\"");
        }
        return ALL[rank * 4 + suit];
    }

    public int index() {
        return rank * 4 + suit;
    }

    @Override
    public String toString() {
        return "" + RANKS.charAt(rank) + SUITS.charAt(suit);
    }
}
