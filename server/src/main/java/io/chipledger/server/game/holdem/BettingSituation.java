package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;

/**
 * What a {@link BettingStructure} needs to size the bet of the player to act, amounts exact.
 *
 * @param highestBet the largest street total so far (blinds included)
 * @param playerBet  what the player to act has put in on this street
 * @param pot        every chip in the middle: earlier streets, antes, and every bet of this street
 * @param minRaiseTo the smallest legal street total (a full raise, or the whole stack when that is less)
 * @param allInTo    the player's street total if they put in their whole stack
 */
record BettingSituation(Street street, Money highestBet, Money playerBet, Money pot, Money minRaiseTo, Money allInTo) {

    /** What a call asks of the player, uncapped by the stack. */
    Money toCall() {
        return highestBet.minus(playerBet);
    }
}
