package io.chipledger.server.table;

import io.chipledger.money.Money;
import io.chipledger.protocol.ActionKind;
import io.chipledger.protocol.TableEvent;
import io.chipledger.protocol.TableView;
import io.chipledger.server.game.Card;
import io.chipledger.server.game.eval.HandRanking;
import io.chipledger.server.game.holdem.ChipAccount;
import io.chipledger.server.game.holdem.HandEvent;
import io.chipledger.server.game.holdem.PlayerSeat;
import io.chipledger.server.game.holdem.Pot;
import io.chipledger.server.game.holdem.StackChange;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Tells one hand's engine events to clients as protocol events. Each message carries the numbers as they were at that
 * moment, not at the end of the command: the stack the engine's event states, and the seat's street bet, followed
 * event by event. Hole cards come out in two forms: with the cards for their owner, without for everyone else.
 */
final class HandNarrator {

    /** A protocol event, possibly with a private form for one seat. */
    record Told(TableEvent forAll, int privateSeat, TableEvent forSeat) {
        static Told everyone(TableEvent event) {
            return new Told(event, -1, null);
        }
    }

    private final Map<Integer, Money> stacks = new HashMap<>();
    private final Map<Integer, Money> streetBets = new HashMap<>();
    /** The name of each hand shown at showdown, for the pot awards that follow ("two pair, Kings and Nines"). */
    private final Map<Integer, String> shownNames = new HashMap<>();

    /** How the game dealt makes a hand (Omaha: two hole cards and three of the board), to name a shown one. */
    private final HandRanking ranking;

    HandNarrator(List<PlayerSeat> players, HandRanking ranking) {
        this.ranking = ranking;
        for (PlayerSeat player : players) {
            stacks.put(player.seat(), player.stack());
            streetBets.put(player.seat(), Money.ZERO);
        }
    }

    Money stack(int seat) {
        return stacks.get(seat);
    }

    Money streetBet(int seat) {
        return streetBets.getOrDefault(seat, Money.ZERO);
    }

    /** The protocol form of one engine event, or null for events clients do not see (the hand's own start). */
    Told tell(HandEvent event, Supplier<List<Pot>> pots, Supplier<List<Card>> board, boolean timedOut) {
        follow(event);
        if (event instanceof HandEvent.BlindPosted blind) {
            String kind = switch (blind.blind()) {
                case SMALL -> "SMALL_BLIND";
                case BIG -> "BIG_BLIND";
                case STRADDLE -> "STRADDLE";
            };
            return Told.everyone(new TableEvent.BlindPosted(blind.seat(), kind, blind.amount(), blind.stackAfter()));
        } else if (event instanceof HandEvent.AntePosted ante) {
            return Told.everyone(new TableEvent.BlindPosted(ante.seat(), ante.dead() ? "BIG_BLIND_ANTE" : "ANTE",
                    ante.amount(), ante.stackAfter()));
        } else if (event instanceof HandEvent.HoleCardsDealt dealt) {
            return new Told(new TableEvent.HoleCardsDealt(dealt.seat(), null), dealt.seat(),
                    new TableEvent.HoleCardsDealt(dealt.seat(), names(dealt.cards())));
        } else if (event instanceof HandEvent.Folded folded) {
            return acted(folded.seat(), ActionKind.FOLD, Money.ZERO, false, timedOut);
        } else if (event instanceof HandEvent.Checked checked) {
            return acted(checked.seat(), ActionKind.CHECK, Money.ZERO, false, timedOut);
        } else if (event instanceof HandEvent.Called called) {
            return acted(called.seat(), ActionKind.CALL, called.amount(), called.allIn(), timedOut);
        } else if (event instanceof HandEvent.BetPlaced bet) {
            return acted(bet.seat(), ActionKind.BET, bet.amount(), bet.allIn(), timedOut);
        } else if (event instanceof HandEvent.Raised raised) {
            return acted(raised.seat(), ActionKind.RAISE, raised.amount(), raised.allIn(), timedOut);
        } else if (event instanceof HandEvent.UncalledBetReturned returned) {
            return Told.everyone(new TableEvent.UncalledBetReturned(returned.seat(), returned.amount(), returned.stackAfter()));
        } else if (event instanceof HandEvent.StreetDealt street) {
            return Told.everyone(new TableEvent.StreetDealt(street.street().name(), names(street.cards()),
                    names(street.board()), potViews(pots.get())));
        } else if (event instanceof HandEvent.HandTabled tabled) {
            return Told.everyone(new TableEvent.CardsShown(tabled.seat(), names(tabled.cards()), null));
        } else if (event instanceof HandEvent.HandShown shown) {
            String name = handName(ranking, shown.cards(), board.get());
            shownNames.put(shown.seat(), name);
            return Told.everyone(new TableEvent.CardsShown(shown.seat(), names(shown.cards()), name));
        } else if (event instanceof HandEvent.RakeTaken rake) {
            return Told.everyone(new TableEvent.RakeTaken(rake.amount()));
        } else if (event instanceof HandEvent.PotAwarded award) {
            return Told.everyone(new TableEvent.PotAwarded(award.potIndex(), award.seat(), award.amount(), award.oddCent(),
                    shownNames.get(award.seat()), award.stackAfter()));
        }
        return null; // HandStarted, HandMucked and HandEnded are told by the table, which knows the hand id
    }

    private Told acted(int seat, ActionKind kind, Money amount, boolean allIn, boolean timedOut) {
        return Told.everyone(new TableEvent.PlayerActed(seat, kind, amount, streetBet(seat), stack(seat), allIn, timedOut));
    }

    /** Keeps stacks and street bets in step with the event: each stack as the engine says it is after a movement. */
    private void follow(HandEvent event) {
        if (event instanceof HandEvent.StreetDealt) {
            streetBets.replaceAll((seat, bet) -> Money.ZERO);
        }
        if (event instanceof StackChange change) {
            stacks.put(change.seat(), change.stackAfter());
            if (event instanceof HandEvent.UncalledBetReturned) {
                streetBets.merge(change.seat(), change.amount().negate(), Money::plus);
            } else if (change.from() instanceof ChipAccount.SeatStack && !(event instanceof HandEvent.AntePosted)) {
                streetBets.merge(change.seat(), change.amount(), Money::plus);
            }
        }
    }

    /** The best five of hole cards and board the game allows, named as a showdown announces it. */
    static String handName(HandRanking ranking, List<Card> holeCards, List<Card> board) {
        return board.size() >= 3 ? ranking.describe(holeCards, board).name() : null;
    }

    static List<String> names(List<Card> cards) {
        return cards.stream().map(Card::toString).toList();
    }

    static List<TableView.PotView> potViews(List<Pot> pots) {
        return pots.stream().map(p -> new TableView.PotView(p.amount(), p.eligibleSeats())).toList();
    }
}
