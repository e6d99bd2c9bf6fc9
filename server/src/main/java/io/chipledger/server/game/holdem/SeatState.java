package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;
import io.chipledger.server.game.Card;
import java.util.List;

/**
 * One player's mutable part of a hand. Only {@link #commit} and {@link #refund} move chips, and each keeps
 * {@code stack + committed == startingStack} (until the pot is awarded at settlement).
 */
final class SeatState {

    final int seat;
    final int position;
    final Money startingStack;
    /** Posts a live big blind out of the blinds' positions (a player who would not wait for the big blind). */
    final boolean postsBigBlind;
    Money stack;
    /** Chips put in on the current street (blinds included, antes not). */
    Money streetBet = Money.ZERO;
    /** Everything this player has put into the pot so far, antes included. */
    Money committed = Money.ZERO;
    /** A big-blind ante: dead money that belongs to no contribution level. */
    Money deadAnte = Money.ZERO;
    boolean folded;
    List<Card> holeCards = List.of();

    SeatState(PlayerSeat player, int position) {
        this.seat = player.seat();
        this.position = position;
        this.startingStack = player.stack();
        this.postsBigBlind = player.postsBigBlind();
        this.stack = player.stack();
    }

    /** Moves {@code amount} from the stack into the pot; {@code onStreet} for bets and blinds, not antes. */
    void commit(Money amount, boolean onStreet) {
        if (amount.isNegative() || amount.isGreaterThan(stack)) {
            throw new IllegalStateException("seat " + seat + " cannot commit " + amount + " from a stack of " + stack);
        }
        stack = stack.minus(amount);
        committed = committed.plus(amount);
        if (onStreet) {
            streetBet = streetBet.plus(amount);
        }
    }

    /** Gives back an uncalled part of what this player committed. */
    void refund(Money amount, boolean onStreet) {
        stack = stack.plus(amount);
        committed = committed.minus(amount);
        if (onStreet) {
            streetBet = streetBet.minus(amount);
        }
    }

    boolean live() {
        return !folded;
    }

    boolean hasChips() {
        return stack.isPositive();
    }

    boolean canAct() {
        return !folded && stack.isPositive();
    }

    SeatView view() {
        return new SeatView(seat, stack, streetBet, committed, folded, !folded && stack.isZero());
    }
}
