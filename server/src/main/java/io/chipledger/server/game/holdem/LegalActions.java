package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;

/**
 * What the player to act may do now. {@code canFold} is always true (folding is legal even when checking is free).
 * {@code toCall} is zero when checking is possible; when it equals the whole stack the call is all-in. When {@code canBetOrRaise}, any street total from {@code minTo} to {@code maxTo} is legal
 * ({@code minTo} may be below a full raise only when it is the whole stack); {@code isBet} says whether it is an opening
 * bet ({@link HandCommand.Bet}) or a raise ({@link HandCommand.RaiseTo}).
 */
public record LegalActions(
        int seat,
        boolean canFold,
        boolean canCheck,
        Money toCall,
        boolean canBetOrRaise,
        boolean isBet,
        Money minTo,
        Money maxTo) {
}
