package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;

/**
 * How large a bet or raise may be. The smallest is the same for both (a full raise, or the whole stack when that is
 * less); the largest is what differs. A fixed-limit game would set both to one bet of the street's size.
 */
public enum BettingStructure {

    /** Any amount up to the whole stack. */
    NO_LIMIT {
        @Override
        Money maxRaiseTo(BettingSituation situation) {
            return situation.allInTo();
        }
    },

    /**
     * Up to the pot after calling: the raiser first calls, then raises by everything then in the middle (earlier
     * streets, every bet of this street, the call). As a street total: {@code highest bet + pot + call}. Never below a
     * full raise, never above the stack.
     */
    POT_LIMIT {
        @Override
        Money maxRaiseTo(BettingSituation situation) {
            Money potAfterCalling = situation.pot().plus(situation.toCall());
            return situation.highestBet().plus(potAfterCalling).max(situation.minRaiseTo()).min(situation.allInTo());
        }
    };

    /** The largest street total the player to act may bet or raise to; never below {@code situation.minRaiseTo()}. */
    abstract Money maxRaiseTo(BettingSituation situation);
}
