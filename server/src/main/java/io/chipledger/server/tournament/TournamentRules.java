package io.chipledger.server.tournament;

import io.chipledger.money.Money;
import java.time.Duration;
import java.util.Objects;

/**
 * How a sit-and-go plays, fixed from its creation: one table of {@code seats} that starts when every seat is taken
 * (there is no late registration), the buy-in that goes to the prize pool and the fee that goes to the house, the chips
 * each player starts with, the blind levels, the payout table and the clocks.
 *
 * @param actionTime time a player has for each decision before the time bank is used
 * @param timeBank   extra time per player for the whole tournament
 */
public record TournamentRules(String name, int seats, Money buyIn, Money fee, long startingChips, BlindSchedule blinds,
                              PayoutTable payouts, Duration actionTime, Duration timeBank) {

    public TournamentRules {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(buyIn, "buyIn");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(blinds, "blinds");
        Objects.requireNonNull(payouts, "payouts");
        Objects.requireNonNull(actionTime, "actionTime");
        Objects.requireNonNull(timeBank, "timeBank");
        if (name.isBlank() || name.length() > 60) {
            throw new IllegalArgumentException("a tournament's name has 1 to 60 characters");
        }
        if (seats < 2 || seats > 10) {
            throw new IllegalArgumentException("a sit-and-go has one table of 2 to 10 seats, not " + seats);
        }
        if (!buyIn.isPositive() || fee.isNegative()) {
            throw new IllegalArgumentException("the buy-in must be positive and the fee not negative: " + buyIn + "+" + fee);
        }
        if (startingChips < blinds.level(1).bigBlind()) {
            throw new IllegalArgumentException("starting chips (" + startingChips + ") cover at least the first big blind ("
                    + blinds.level(1).bigBlind() + ")");
        }
        if (payouts.places() >= seats) {
            throw new IllegalArgumentException("a table of " + seats + " pays fewer places than it has seats, not "
                    + payouts.places());
        }
        if (actionTime.toSeconds() < 1 || timeBank.isNegative()) {
            throw new IllegalArgumentException("a player has at least a second to act and a time bank of 0 or more");
        }
    }

    /** The prize pool once the tournament is full: every seat's buy-in (the fees are the house's). */
    public Money prizePool() {
        return buyIn.times(seats);
    }

    /** What a player pays to register: the buy-in and the fee. */
    public Money entryCost() {
        return buyIn.plus(fee);
    }
}
