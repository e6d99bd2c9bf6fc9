package io.chipledger.server.tournament;

import io.chipledger.money.Money;
import io.chipledger.money.PotSplit;
import io.chipledger.money.PotSplitter;
import io.chipledger.money.ProportionalSplitter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The prize pool divided among the finishers, to the cent. First among the paid places by the payout table
 * ({@link ProportionalSplitter}: each place its exact share rounded down, the leftover cents one each to the higher
 * places); then players who tied share the sum of the places they tie for ({@link PotSplitter}: equal parts, the
 * leftover cents one each to the tied players in seat order from the button). The prizes add up to the pool exactly.
 */
public final class Prizes {

    private Prizes() {
    }

    /** Each paid place's prize, best place first: {@code shares().get(i)} is place {@code i + 1}. */
    public static PotSplit<Integer> byPlace(Money pool, PayoutTable table) {
        List<ProportionalSplitter.Weighted<Integer>> places = new ArrayList<>();
        for (int i = 0; i < table.places(); i++) {
            places.add(new ProportionalSplitter.Weighted<>(i + 1, table.percents().get(i)));
        }
        return ProportionalSplitter.split(pool, places);
    }

    /**
     * Every finisher's prize, best place first.
     *
     * @param placings where every player finished (all places from 1 to the number of players, each once)
     */
    public static List<Prize> award(Money pool, PayoutTable table, List<Placing> placings) {
        List<PotSplit.Share<Integer>> places = byPlace(pool, table).shares();
        List<Placing> best = placings.stream().sorted(Comparator.comparingInt(Placing::place)).toList();
        List<Prize> prizes = new ArrayList<>();
        int expected = 1;
        for (Placing placing : best) {
            if (placing.place() != expected) {
                throw new IllegalArgumentException("placings leave place " + expected + " empty or doubled: " + placings);
            }
            expected = placing.lastPlace() + 1;
            if (!placing.tied()) {
                PotSplit.Share<Integer> share = placing.place() <= places.size() ? places.get(placing.place() - 1) : null;
                prizes.add(new Prize(placing.players().get(0), placing.place(), placing.place(),
                        share == null ? Money.ZERO : share.amount(), share != null && share.oddCent()));
                continue;
            }
            Money shared = Money.ZERO;
            for (int place = placing.place(); place <= Math.min(placing.lastPlace(), places.size()); place++) {
                shared = shared.plus(places.get(place - 1).amount());
            }
            for (PotSplit.Share<Long> share : PotSplitter.split(shared, placing.players()).shares()) {
                prizes.add(new Prize(share.recipient(), placing.place(), placing.lastPlace(), share.amount(), share.oddCent()));
            }
        }
        Money paid = prizes.stream().map(Prize::amount).reduce(Money.ZERO, Money::plus);
        if (!paid.equals(pool)) {
            throw new IllegalArgumentException("placings " + placings + " do not cover every paid place: prizes of " + paid
                    + " out of a pool of " + pool);
        }
        return prizes;
    }
}
