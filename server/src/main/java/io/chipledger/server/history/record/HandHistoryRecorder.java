package io.chipledger.server.history.record;

import io.chipledger.money.Money;
import io.chipledger.server.game.Card;
import io.chipledger.server.game.holdem.ChipMovement;
import io.chipledger.server.game.holdem.HandEvent;
import io.chipledger.server.game.holdem.StackChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a hand's {@link HandHistory} while it is played: the table hands it each batch of engine events once the
 * ledger committed their chips, with the transfer ids the ledger gave them (one per chip movement, in order). Not
 * thread-safe: it lives in the table's mailbox with the hand.
 */
public final class HandHistoryRecorder {

    /** A player dealt in: seat, who, and the stack they started the hand with. */
    /** {@code postsBigBlind}: posts a live big blind out of the blinds' positions, to come in at once. */
    public record Participant(int seat, long playerId, String player, Money stack, boolean postsBigBlind) {

        public Participant(int seat, long playerId, String player, Money stack) {
            this(seat, playerId, player, stack, false);
        }
    }

    private final long handId;
    private final long tableId;
    private final String tableName;
    private final String currency;
    private final GameRecord game;
    private final int button;
    private final List<Participant> players;
    private final DeckRecord deck;
    private final Instant startedAt;
    private final List<HistoryEvent> events = new ArrayList<>();
    private final List<Card> board = new ArrayList<>();
    private final Map<Integer, List<String>> holeCards = new LinkedHashMap<>();
    /** Each seat's stack as the engine's last event of it states (its starting stack until then). */
    private final Map<Integer, Money> stacks = new LinkedHashMap<>();

    public HandHistoryRecorder(long handId, long tableId, String tableName, String currency, GameRecord game, int button,
                               List<Participant> players, DeckRecord deck, Instant startedAt) {
        this.handId = handId;
        this.tableId = tableId;
        this.tableName = tableName;
        this.currency = currency;
        this.game = game;
        this.button = button;
        this.players = List.copyOf(players);
        this.deck = deck;
        this.startedAt = startedAt;
        players.forEach(p -> stacks.put(p.seat(), p.stack()));
    }

    /**
     * Records engine events whose chips the ledger committed; {@code transferIds} are that posting's transfers, one per
     * {@link ChipMovement} among the events, in order (empty when they moved no chips).
     */
    public void committed(List<HandEvent> engineEvents, List<Long> transferIds) {
        Iterator<Long> transfers = transferIds.iterator();
        for (HandEvent event : engineEvents) {
            if (event instanceof StackChange change) {
                stacks.put(change.seat(), change.stackAfter());
            }
            Long transferId = event instanceof ChipMovement ? (transfers.hasNext() ? transfers.next() : null) : null;
            HistoryEvent recorded = record(event, transferId);
            if (recorded != null) {
                events.add(recorded);
            }
        }
    }

    /**
     * The record the hand will have once {@code settlement}, the events that end it, is committed: written before the
     * settlement is posted, so a crash between that commit and {@link #settled} leaves the record to crash recovery.
     * Its chip movements carry transfer ids -1, -2, ... standing for the settlement posting's legs in order (see
     * {@link #withSettlementTransfers}). Leaves this recorder as it was.
     */
    public HandHistory settlementDraft(List<HandEvent> settlement, Instant endedAt) {
        HandHistoryRecorder draft = new HandHistoryRecorder(handId, tableId, tableName, currency, game, button, players,
                deck, startedAt);
        draft.events.addAll(events);
        draft.board.addAll(board);
        draft.holeCards.putAll(holeCards);
        draft.stacks.putAll(stacks);
        List<Long> legs = new ArrayList<>();
        for (HandEvent event : settlement) {
            if (event instanceof ChipMovement) {
                legs.add(-(legs.size() + 1L));
            }
        }
        draft.committed(settlement, legs);
        return draft.settled(endedAt);
    }

    /** A settlement draft with its placeholder transfer ids (-1, -2, ...) replaced by the posting's transfers, in leg order. */
    public static HandHistory withSettlementTransfers(HandHistory draft, List<Long> settlementTransfers) {
        List<HistoryEvent> events = new ArrayList<>();
        for (HistoryEvent event : draft.events()) {
            if (event instanceof HistoryEvent.Chips chips && chips.transferId() != null && chips.transferId() < 0) {
                int leg = (int) (-chips.transferId() - 1);
                if (leg >= settlementTransfers.size()) {
                    throw new IllegalArgumentException("hand " + draft.handId() + "'s draft names settlement leg " + leg
                            + " but the settlement has " + settlementTransfers.size());
                }
                event = chips.withTransferId(settlementTransfers.get(leg));
            }
            events.add(event);
        }
        return draft.withEvents(events);
    }

    /** The hand settled: its record, to be stored in the transaction that marks it so. */
    public HandHistory settled(Instant endedAt) {
        return build(HandStatus.SETTLED, null, endedAt);
    }

    /** The hand was voided and {@code refunds} gave each seat back its chips. */
    public HandHistory voided(String reason, List<HistoryEvent.Refunded> refunds, Instant endedAt) {
        events.addAll(refunds);
        refunds.forEach(refund -> stacks.merge(refund.seat(), refund.amount(), Money::plus));
        return build(HandStatus.VOIDED, reason, endedAt);
    }

    /**
     * The record the hand has so far: what it would be if it were voided now, before any refund. Kept while the hand
     * is played, so a crash leaves its seats, cards and actions (see {@link #voidedFromProgress}).
     */
    public HandHistory inProgress(Instant at) {
        return build(HandStatus.VOIDED, "the hand was still being played", at);
    }

    /**
     * The record a hand had so far, from a record of it written earlier ({@link #inProgress}) and the events committed
     * since: appended to its events, their hole cards on the seats and their streets on the board, as this recorder
     * would have put them there. Stacks are left as written; {@link #voidedFromProgress} works them out again anyway.
     */
    public static HandHistory inProgressWith(HandHistory written, List<HistoryEvent> since) {
        List<HistoryEvent> events = new ArrayList<>(written.events());
        events.addAll(since);
        List<String> board = new ArrayList<>(written.board());
        Map<Integer, List<String>> dealt = new LinkedHashMap<>();
        for (HistoryEvent event : since) {
            if (event instanceof HistoryEvent.StreetDealt street) {
                board.addAll(street.cards());
            } else if (event instanceof HistoryEvent.HoleCardsDealt hole) {
                dealt.put(hole.seat(), hole.cards());
            }
        }
        List<SeatRecord> seats = written.seats().stream()
                .map(s -> dealt.containsKey(s.seat()) ? s.withHoleCards(dealt.get(s.seat())) : s).toList();
        return new HandHistory(written.version(), written.handId(), written.tableId(), written.tableName(),
                written.currency(), written.status(), written.voidReason(), written.startedAt(), written.endedAt(),
                written.game(), written.button(), seats, written.deck(), board, events);
    }

    /**
     * The record of a hand a crash cut short, from the record it had so far ({@link #inProgress}) with {@code events}
     * in place of that record's (what it had that the ledger confirms, what the ledger has that it had not caught up
     * with, and the refunds); each seat's final stack is worked out again from them, there being no engine after a
     * crash to state it.
     */
    public static HandHistory voidedFromProgress(HandHistory progress, List<HistoryEvent> events, String reason,
                                                 Instant endedAt) {
        Map<Integer, Money> stacks = finalStacks(progress.seats().stream()
                .map(s -> new Participant(s.seat(), s.playerId(), s.player(), s.startingStack())).toList(), events);
        List<SeatRecord> seats = progress.seats().stream().map(s -> new SeatRecord(s.seat(), s.playerId(), s.player(),
                s.startingStack(), stacks.get(s.seat()), s.holeCards())).toList();
        return new HandHistory(HandHistory.VERSION, progress.handId(), progress.tableId(), progress.tableName(),
                progress.currency(), HandStatus.VOIDED, reason, progress.startedAt(), endedAt, progress.game(),
                progress.button(), seats, progress.deck(), progress.board(), events);
    }

    private HandHistory build(HandStatus status, String reason, Instant endedAt) {
        List<SeatRecord> seats = new ArrayList<>();
        for (Participant p : players) {
            seats.add(new SeatRecord(p.seat(), p.playerId(), p.player(), p.stack(), stacks.get(p.seat()),
                    holeCards.get(p.seat())));
        }
        return new HandHistory(HandHistory.VERSION, handId, tableId, tableName, currency, status, reason, startedAt,
                endedAt, game, button, seats, deck, names(board), events);
    }

    /** Each seat's stack after {@code events}, from the stack it started with. */
    private static Map<Integer, Money> finalStacks(List<Participant> players, List<HistoryEvent> events) {
        Map<Integer, Money> stacks = new LinkedHashMap<>();
        players.forEach(p -> stacks.put(p.seat(), p.stack()));
        for (HistoryEvent event : events) {
            if (event instanceof HistoryEvent.Chips chips && event instanceof HistoryEvent.OfSeat ofSeat) {
                Money change = HistoryEvent.intoPot(event) ? chips.amount().negate() : chips.amount();
                stacks.merge(ofSeat.seat(), change, Money::plus);
            }
        }
        return stacks;
    }

    private HistoryEvent record(HandEvent event, Long transferId) {
        if (event instanceof HandEvent.AntePosted ante) {
            return new HistoryEvent.AntePosted(ante.seat(), ante.amount(), ante.dead(), ante.allIn(), transferId);
        } else if (event instanceof HandEvent.BlindPosted blind) {
            return new HistoryEvent.BlindPosted(blind.seat(), blind.blind().name(), blind.amount(), blind.allIn(), transferId);
        } else if (event instanceof HandEvent.HoleCardsDealt dealt) {
            holeCards.put(dealt.seat(), names(dealt.cards()));
            return new HistoryEvent.HoleCardsDealt(dealt.seat(), names(dealt.cards()));
        } else if (event instanceof HandEvent.StreetDealt street) {
            board.addAll(street.cards());
            return new HistoryEvent.StreetDealt(street.street().name(), names(street.cards()));
        } else if (event instanceof HandEvent.Folded folded) {
            return new HistoryEvent.Folded(folded.seat());
        } else if (event instanceof HandEvent.Checked checked) {
            return new HistoryEvent.Checked(checked.seat());
        } else if (event instanceof HandEvent.Called called) {
            return new HistoryEvent.Called(called.seat(), called.amount(), called.allIn(), transferId);
        } else if (event instanceof HandEvent.BetPlaced bet) {
            return new HistoryEvent.Bet(bet.seat(), bet.amount(), bet.allIn(), transferId);
        } else if (event instanceof HandEvent.Raised raised) {
            return new HistoryEvent.Raised(raised.seat(), raised.raisedTo(), raised.amount(), raised.allIn(), transferId);
        } else if (event instanceof HandEvent.UncalledBetReturned returned) {
            return new HistoryEvent.UncalledBetReturned(returned.seat(), returned.amount(), transferId);
        } else if (event instanceof HandEvent.HandTabled tabled) {
            return new HistoryEvent.HandTabled(tabled.seat(), names(tabled.cards()));
        } else if (event instanceof HandEvent.HandShown shown) {
            return new HistoryEvent.HandShown(shown.seat(), names(shown.cards()), handName(shown.cards()));
        } else if (event instanceof HandEvent.HandMucked mucked) {
            return new HistoryEvent.HandMucked(mucked.seat());
        } else if (event instanceof HandEvent.RakeTaken rake) {
            return new HistoryEvent.RakeTaken(rake.potIndex(), rake.amount(), transferId);
        } else if (event instanceof HandEvent.PotAwarded award) {
            return new HistoryEvent.PotAwarded(award.potIndex(), award.seat(), award.amount(), award.oddCent(), transferId);
        }
        return null; // HandStarted and HandEnded: the record's header and seats say the same
    }

    private String handName(List<Card> cards) {
        return board.size() >= 3 ? game.engineVariant().ranking().describe(cards, board).name() : null;
    }

    private static List<String> names(List<Card> cards) {
        return cards.stream().map(Card::toString).toList();
    }
}
