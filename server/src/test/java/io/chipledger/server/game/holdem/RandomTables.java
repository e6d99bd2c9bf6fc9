package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Random hand setups for property tests: 2-10 players on seats numbered as a real table's (not 1..n), stacks in cents
 * from one cent to two hundred big blinds so that all-ins and side pots are common, and every forced bet
 * {@link Stakes} allows: small and big blind, straddle, uniform or big-blind ante; sometimes a rake, sometimes no
 * mucking, sometimes pokerkit's reopening rule; No-Limit Hold'em or Pot-Limit Omaha.
 */
final class RandomTables {

    private static final long[] BIG_BLINDS = {1, 2, 4, 5, 10, 25, 50, 100, 200};

    private RandomTables() {
    }

    static HandSetup setup(SplittableRandom random) {
        int players = HandSetup.MIN_PLAYERS + random.nextInt(HandSetup.MAX_PLAYERS - HandSetup.MIN_PLAYERS + 1);
        long bigBlind = BIG_BLINDS[random.nextInt(BIG_BLINDS.length)];
        Stakes stakes = stakes(random, players, bigBlind);
        List<Integer> seatNumbers = seatNumbers(random, players);
        List<PlayerSeat> seats = new ArrayList<>(players);
        for (int seat : seatNumbers) {
            seats.add(new PlayerSeat(seat, Money.ofCents(stack(random, bigBlind))));
        }
        RakeRule rake = random.nextInt(5) == 0 ? rake(random) : RakeRule.NONE;
        Reopening reopening = random.nextInt(5) == 0 ? Reopening.ANY_RAISE : Reopening.FULL_RAISE_ONLY;
        Variant variant = Variant.values()[random.nextInt(Variant.values().length)];
        return new HandSetup(seats, stakes, rake, random.nextBoolean(), reopening, variant);
    }

    private static Stakes stakes(SplittableRandom random, int players, long bigBlind) {
        long smallBlind = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextLong(bigBlind);
            default -> bigBlind / 2;
        };
        long straddle = players >= 3 && random.nextInt(4) == 0 ? bigBlind * (2 + random.nextInt(2)) : 0;
        Ante ante = switch (random.nextInt(3)) {
            case 0 -> new Ante.None();
            case 1 -> new Ante.Uniform(Money.ofCents(1 + random.nextLong(bigBlind)));
            default -> new Ante.BigBlind(Money.ofCents(1 + random.nextLong(2 * bigBlind)));
        };
        return new Stakes(Money.ofCents(smallBlind), Money.ofCents(bigBlind), Money.ofCents(straddle), ante,
                Money.ofCents(bigBlind));
    }

    /** Distinct seats of a ten- or twelve-seat table, listed clockwise from left of the button. */
    private static List<Integer> seatNumbers(SplittableRandom random, int players) {
        int tableSeats = players <= 10 && random.nextBoolean() ? 10 : 12;
        TreeSet<Integer> taken = new TreeSet<>();
        while (taken.size() < players) {
            taken.add(random.nextInt(tableSeats));
        }
        List<Integer> clockwise = new ArrayList<>(taken);
        int leftOfButton = random.nextInt(players);
        List<Integer> fromLeftOfButton = new ArrayList<>(players);
        for (int i = 0; i < players; i++) {
            fromLeftOfButton.add(clockwise.get((leftOfButton + i) % players));
        }
        return fromLeftOfButton;
    }

    /** Cents: tiny (all-in on the blinds), short, or deep, so that unequal stacks and side pots are common. */
    private static long stack(SplittableRandom random, long bigBlind) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> 1 + random.nextLong(3 * bigBlind);
            case 3, 4, 5, 6 -> bigBlind + random.nextLong(40 * bigBlind);
            default -> bigBlind + random.nextLong(200 * bigBlind);
        };
    }

    private static RakeRule rake(SplittableRandom random) {
        BigDecimal percent = BigDecimal.valueOf(random.nextInt(1001), 2);
        Money cap = Money.ofCents(random.nextInt(3) == 0 ? 0 : 1 + random.nextLong(500));
        return new RakeRule(percent, cap, random.nextBoolean());
    }
}
