package io.chipledger.server.history.export;

import io.chipledger.money.Money;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HistoryEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The pots as PokerStars writes them: one per all-in level, contested by the players who reached it and did not fold,
 * whoever ends up holding a dead or mucked hand. Our settlement merges levels whose live contenders are the same (an
 * all-in player whose hand is dead makes the main pot and a side pot one), which is the same money but not what a
 * tracker expects; here the settled pots are split back into PokerStars' pots, each with its share of the rake (the
 * main pot's first, as ours is taken) and each winner's share. A winner's shares add up to exactly what the ledger
 * paid them.
 */
final class PokerStarsPots {

    /** One pot as written: its amount before rake, its rake, and who collected how much from it. */
    record Pot(Money amount, Money rake, Map<Integer, Money> collected) {
        Money net() {
            return amount.minus(rake);
        }
    }

    private final List<Pot> pots;

    private PokerStarsPots(List<Pot> pots) {
        this.pots = pots;
    }

    /** Main pot first, then the side pots in the order they were made. */
    List<Pot> pots() {
        return pots;
    }

    static PokerStarsPots of(HandHistory hand) {
        TreeMap<Integer, List<HistoryEvent.PotAwarded>> awards = new TreeMap<>();
        Map<Integer, Money> rakes = new TreeMap<>();
        for (HistoryEvent event : hand.events()) {
            if (event instanceof HistoryEvent.PotAwarded award) {
                awards.computeIfAbsent(award.pot(), p -> new ArrayList<>()).add(award);
            } else if (event instanceof HistoryEvent.RakeTaken rake) {
                rakes.merge(rake.pot(), rake.amount(), Money::plus);
            }
        }
        List<Money> levels = levels(hand);
        List<Pot> written = new ArrayList<>();
        int next = 0;
        int settledPots = Math.max(awards.isEmpty() ? -1 : awards.lastKey(), rakes.keySet().stream().mapToInt(i -> i).max().orElse(-1)) + 1;
        for (int settled = 0; settled < settledPots; settled++) {
            List<HistoryEvent.PotAwarded> paid = awards.getOrDefault(settled, List.of());
            Money rake = rakes.getOrDefault(settled, Money.ZERO);
            Money amount = rake;
            for (HistoryEvent.PotAwarded award : paid) {
                amount = amount.plus(award.amount());
            }
            // The written pots that make up this settled pot: consecutive levels whose sum is its amount.
            List<Money> parts = new ArrayList<>();
            Money sum = Money.ZERO;
            while (next < levels.size() && sum.isLessThan(amount)) {
                parts.add(levels.get(next));
                sum = sum.plus(levels.get(next++));
            }
            if (!sum.equals(amount)) {
                return settledAsIs(awards, rakes, settledPots); // not the levels we expected: write what was settled
            }
            written.addAll(split(parts, rake, paid));
        }
        return new PokerStarsPots(written);
    }

    /** The amounts of PokerStars' pots, main pot first: contribution levels, merged where the same players contest. */
    private static List<Money> levels(HandHistory hand) {
        Map<Integer, Money> committed = new LinkedHashMap<>();
        Set<Integer> folded = new HashSet<>();
        Money dead = Money.ZERO;
        for (HistoryEvent event : hand.events()) {
            if (event instanceof HistoryEvent.AntePosted ante && ante.dead()) {
                dead = dead.plus(ante.amount());
            } else if (event instanceof HistoryEvent.Chips chips && event instanceof HistoryEvent.OfSeat of
                    && HistoryEvent.intoPot(event)) {
                committed.merge(of.seat(), chips.amount(), Money::plus);
            } else if (event instanceof HistoryEvent.UncalledBetReturned returned) {
                committed.merge(returned.seat(), returned.amount().negate(), Money::plus);
            } else if (event instanceof HistoryEvent.Folded fold) {
                folded.add(fold.seat());
            }
        }
        List<Money> amounts = new ArrayList<>();
        List<Set<Integer>> contenders = new ArrayList<>();
        Money carried = dead;
        Money previous = Money.ZERO;
        for (Money level : new TreeSet<>(committed.values())) {
            Money amount = carried;
            Set<Integer> eligible = new HashSet<>();
            for (Map.Entry<Integer, Money> seat : committed.entrySet()) {
                // Levels are the contributions themselves: a seat below this one stopped at an earlier level.
                if (!seat.getValue().isLessThan(level)) {
                    amount = amount.plus(level.minus(previous));
                    if (!folded.contains(seat.getKey())) {
                        eligible.add(seat.getKey());
                    }
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
        return amounts;
    }

    /**
     * One settled pot as the written pots it stands for: the rake taken from the first of them first, and each
     * winner's award shared out pot by pot, the odd cents of a pot to whoever is owed most, the last pot taking what
     * is left, so every winner's shares add up to their award.
     */
    private static List<Pot> split(List<Money> parts, Money rake, List<HistoryEvent.PotAwarded> paid) {
        Map<Integer, Money> owed = new LinkedHashMap<>();
        paid.forEach(a -> owed.merge(a.seat(), a.amount(), Money::plus));
        List<Pot> pots = new ArrayList<>();
        Money rakeLeft = rake;
        for (int i = 0; i < parts.size(); i++) {
            Money amount = parts.get(i);
            Money potRake = rakeLeft.min(amount);
            rakeLeft = rakeLeft.minus(potRake);
            Money net = amount.minus(potRake);
            Map<Integer, Money> shares = new LinkedHashMap<>();
            if (i == parts.size() - 1) {
                owed.forEach((seat, left) -> {
                    if (left.isPositive()) {
                        shares.put(seat, left);
                    }
                });
            } else if (!owed.isEmpty()) {
                long each = net.toCents() / owed.size();
                long odd = net.toCents() - each * owed.size();
                owed.keySet().forEach(seat -> shares.put(seat, Money.ofCents(each)));
                List<Integer> mostOwed = new ArrayList<>(owed.keySet());
                mostOwed.sort((a, b) -> owed.get(b).compareTo(owed.get(a))); // stable: ties keep the award order
                for (int k = 0; k < odd; k++) {
                    shares.merge(mostOwed.get(k), Money.ofCents(1), Money::plus);
                }
                shares.forEach((seat, share) -> owed.merge(seat, share.negate(), Money::plus));
                shares.values().removeIf(share -> !share.isPositive());
            }
            pots.add(new Pot(amount, potRake, shares));
        }
        return pots;
    }

    /** The settled pots unchanged, should the levels not add up to them (never seen; a safe way to write the hand). */
    private static PokerStarsPots settledAsIs(TreeMap<Integer, List<HistoryEvent.PotAwarded>> awards,
                                              Map<Integer, Money> rakes, int count) {
        List<Pot> pots = new ArrayList<>();
        for (int pot = 0; pot < count; pot++) {
            Map<Integer, Money> collected = new LinkedHashMap<>();
            Money amount = rakes.getOrDefault(pot, Money.ZERO);
            for (HistoryEvent.PotAwarded award : awards.getOrDefault(pot, List.of())) {
                collected.merge(award.seat(), award.amount(), Money::plus);
                amount = amount.plus(award.amount());
            }
            pots.add(new Pot(amount, rakes.getOrDefault(pot, Money.ZERO), collected));
        }
        return new PokerStarsPots(pots);
    }
}
