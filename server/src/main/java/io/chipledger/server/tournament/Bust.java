package io.chipledger.server.tournament;

/**
 * A player who lost their last chip in a hand.
 *
 * @param stackAtHandStart the chips they started that hand with: of two players busting in one hand, the one who
 *                         started it with more finishes higher (Robert's Rules)
 * @param seatOrder        their seat's place clockwise from the button in that hand (0 first): players who tie share
 *                         their places' prizes, and the odd cent goes to the one seated first, as a split pot's does
 */
public record Bust(long playerId, long stackAtHandStart, int seatOrder) {

    public Bust {
        if (stackAtHandStart <= 0) {
            throw new IllegalArgumentException("a player who busts started the hand with chips, not " + stackAtHandStart);
        }
    }
}
