package io.chipledger.server.game.holdem;

import io.chipledger.money.Money;
import io.chipledger.server.game.Card;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A hand as its events tell it, without asking the engine: what each seat put in (returned bets taken off) and won,
 * the dead big-blind ante, the rake, who folded, the cards, the last aggressor and the order hands were tabled and
 * shown. Tests compare the engine's stacks and showdown with this.
 */
record EventLedger(Map<Integer, Money> contributed, Map<Integer, Money> dead, Map<Integer, Money> won, Money rake,
                   List<HandEvent.PotAwarded> awards, Set<Integer> folded, Map<Integer, List<Card>> holeCards,
                   List<Card> board, boolean tabled, Integer lastAggressor, List<Integer> tableOrder,
                   List<Integer> showOrder) {

    static EventLedger of(List<HandEvent> events) {
        Map<Integer, Money> contributed = new HashMap<>();
        Map<Integer, Money> dead = new HashMap<>();
        Map<Integer, Money> won = new HashMap<>();
        Money rake = Money.ZERO;
        List<HandEvent.PotAwarded> awards = new ArrayList<>();
        Set<Integer> folded = new HashSet<>();
        Map<Integer, List<Card>> holeCards = new HashMap<>();
        List<Card> board = new ArrayList<>();
        boolean tabled = false;
        Integer aggressor = null;
        List<Integer> tableOrder = new ArrayList<>();
        List<Integer> showOrder = new ArrayList<>();
        for (HandEvent event : events) {
            if (event instanceof HandEvent.AntePosted ante) {
                contributed.merge(ante.seat(), ante.amount(), Money::plus);
                if (ante.dead()) {
                    dead.merge(ante.seat(), ante.amount(), Money::plus);
                }
            } else if (event instanceof HandEvent.BlindPosted blind) {
                contributed.merge(blind.seat(), blind.amount(), Money::plus);
            } else if (event instanceof HandEvent.Called call) {
                contributed.merge(call.seat(), call.amount(), Money::plus);
            } else if (event instanceof HandEvent.BetPlaced bet) {
                contributed.merge(bet.seat(), bet.amount(), Money::plus);
                aggressor = bet.seat();
            } else if (event instanceof HandEvent.Raised raise) {
                contributed.merge(raise.seat(), raise.amount(), Money::plus);
                aggressor = raise.seat();
            } else if (event instanceof HandEvent.UncalledBetReturned returned) {
                contributed.merge(returned.seat(), returned.amount().negate(), Money::plus);
            } else if (event instanceof HandEvent.PotAwarded award) {
                won.merge(award.seat(), award.amount(), Money::plus);
                awards.add(award);
            } else if (event instanceof HandEvent.RakeTaken taken) {
                rake = rake.plus(taken.amount());
            } else if (event instanceof HandEvent.Folded fold) {
                folded.add(fold.seat());
            } else if (event instanceof HandEvent.HoleCardsDealt dealt) {
                holeCards.put(dealt.seat(), dealt.cards());
            } else if (event instanceof HandEvent.StreetDealt street) {
                board.addAll(street.cards());
                if (!tabled) {
                    aggressor = null; // a new betting round; once hands are tabled no street is bet
                }
            } else if (event instanceof HandEvent.HandTabled table) {
                tabled = true;
                tableOrder.add(table.seat());
            } else if (event instanceof HandEvent.HandShown shown) {
                showOrder.add(shown.seat());
            } else if (event instanceof HandEvent.HandMucked mucked) {
                showOrder.add(mucked.seat());
            }
        }
        return new EventLedger(contributed, dead, won, rake, awards, folded, holeCards, board, tabled, aggressor,
                tableOrder, showOrder);
    }

    Money contributed(int seat) {
        return contributed.getOrDefault(seat, Money.ZERO);
    }

    Money won(int seat) {
        return won.getOrDefault(seat, Money.ZERO);
    }

    List<Card> holeCards(int seat) {
        return holeCards.get(seat);
    }

    Money totalContributed() {
        return contributed.values().stream().reduce(Money.ZERO, Money::plus);
    }

    Money deadMoney() {
        return dead.values().stream().reduce(Money.ZERO, Money::plus);
    }

    /** What a seat put in that counts toward the pot levels: everything but a big-blind ante, in cents. */
    long liveContribution(int seat) {
        return contributed(seat).minus(dead.getOrDefault(seat, Money.ZERO)).toCents();
    }

    /** Every seat's live contribution, distinct and ascending; zero included, where dead money alone may lie. */
    List<Long> levels() {
        TreeSet<Long> levels = new TreeSet<>();
        levels.add(0L);
        for (int seat : contributed.keySet()) {
            levels.add(liveContribution(seat));
        }
        return List.copyOf(levels);
    }

    /**
     * Who must show first (Robert's Rules): the last player to bet or raise in the final betting round, or the first
     * live player left of the button when nobody did; then the others clockwise.
     */
    List<Integer> showdownOrder(HandSetup setup) {
        List<Integer> live = live(setup);
        int first = lastAggressor != null && live.contains(lastAggressor) ? live.indexOf(lastAggressor) : 0;
        List<Integer> order = new ArrayList<>(live.subList(first, live.size()));
        order.addAll(live.subList(0, first));
        return order;
    }

    /** Seats that did not fold, in seat order from left of the button. */
    List<Integer> live(HandSetup setup) {
        return setup.players().stream().map(PlayerSeat::seat).filter(seat -> !folded.contains(seat)).toList();
    }
}
