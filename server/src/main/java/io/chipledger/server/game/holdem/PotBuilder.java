package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Divides what the players committed into a main pot and side pots by contribution level. Each level is contested by
 * the players who reached it and did not fold; a big-blind ante is dead money added whole to the main pot; neighbouring
 * levels with the same contenders are one pot.
 */
final class PotBuilder {

    private PotBuilder() {
    }

    /** Pots contested by every player who has not folded. */
    static List<Pot> build(List<SeatState> seats, boolean includeStreetBets) {
        return build(seats, includeStreetBets, SeatState::live);
    }

    /**
     * @param includeStreetBets false while a street is being bet, so the pots show only what has been gathered
     * @param contends          who may win: not folded, and at settlement not holding a dead hand
     */
    static List<Pot> build(List<SeatState> seats, boolean includeStreetBets, Predicate<SeatState> contends) {
        int n = seats.size();
        Money[] levelOf = new Money[n];
        Money deadMoney = Money.ZERO;
        TreeSet<Money> levels = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            SeatState seat = seats.get(i);
            Money gathered = includeStreetBets ? seat.committed : seat.committed.minus(seat.streetBet);
            levelOf[i] = gathered.minus(seat.deadAnte);
            deadMoney = deadMoney.plus(seat.deadAnte);
            levels.add(levelOf[i]);
        }
        List<Money> amounts = new ArrayList<>();
        List<List<Integer>> contenders = new ArrayList<>();
        Money carried = deadMoney;
        Money previous = Money.ZERO;
        for (Money level : levels) {
            Money amount = carried;
            List<Integer> eligible = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SeatState seat = seats.get(i);
                if (!levelOf[i].isLessThan(level)) {
                    amount = amount.plus(level.minus(previous));
                }
                // Eligibility counts this street's bets too: a player who called mid-street contests the level.
                if (contends.test(seat) && !seat.committed.minus(seat.deadAnte).isLessThan(level)) {
                    eligible.add(seat.seat);
                }
            }
            int last = contenders.size() - 1;
            if (last >= 0 && contenders.get(last).equals(eligible)) {
                amounts.set(last, amounts.get(last).plus(amount));
            } else if (amount.isPositive()) {
                amounts.add(amount);
                contenders.add(eligible);
            }
            carried = Money.ZERO;
            previous = level;
        }
        List<Pot> pots = new ArrayList<>(amounts.size());
        for (int i = 0; i < amounts.size(); i++) {
            pots.add(new Pot(i, amounts.get(i), contenders.get(i)));
        }
        return List.copyOf(pots);
    }
}
