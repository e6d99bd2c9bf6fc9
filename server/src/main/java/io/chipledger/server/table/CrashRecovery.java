package io.chipledger.server.table;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Transfer;
import io.chipledger.money.Money;
import io.chipledger.server.chips.HandRef;
import io.chipledger.server.chips.OwnerRef;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandHistoryRecorder;
import io.chipledger.server.history.record.HandStatus;
import io.chipledger.server.history.record.HistoryEvent;
import io.chipledger.server.history.record.SeatRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs at start-up, before any table takes a command: every hand a crash left open is ended. One whose settlement had
 * committed is marked SETTLED with the record drafted before that settlement; any other is voided (its chips go back
 * to the seats they came from, by a refund posting whose key is derived from the hand) and marked VOIDED. Safe to run
 * again if it is itself interrupted: the refund's key makes the second run a replay.
 */
public final class CrashRecovery {

    private static final Logger log = LoggerFactory.getLogger(CrashRecovery.class);
    private static final String REASON = "the server stopped during the hand";
    /**
     * A crash after the settlement committed and before the history was written, with no draft to restore (written
     * by a version that kept none, or lost): paid, but only the ledger knows how.
     */
    private static final String SETTLED_UNRECORDED = "the hand settled (its pots were paid, as the ledger's transfers for"
            + " it show), but the server stopped before its history was written: its cards and actions are lost";
    /** The same, for a hand that kept its record while it was played: only the settlement's own events are lost. */
    private static final String SETTLED_FROM_PROGRESS = "the hand settled (its pots were paid, as the ledger's transfers"
            + " for it show), but the server stopped before its history was written: recorded as it stood before the"
            + " settlement, with the settlement's transfers";

    private final UnfinishedHands hands;
    private final Ledger ledger;
    private final Executor worker;
    private final String currency;
    private final Clock clock;

    public CrashRecovery(UnfinishedHands hands, Ledger ledger, Executor worker, String currency, Clock clock) {
        this.hands = hands;
        this.ledger = ledger;
        this.worker = worker;
        this.currency = currency;
        this.clock = clock;
    }

    /**
     * Ends every open hand; returns how many there were. Blocking. A hand whose settlement had committed is stored as
     * settled, from the draft written just before it (cards, actions and all); any other is voided.
     */
    public int endOpenHands() {
        return end(hands.open());
    }

    /**
     * Ends the hands left open at one table only: a game node taking a table over recovers that table, never its
     * neighbours' (another node's live hands are open too). Built with the table's fenced ledger and records, so a
     * node that lost the table meanwhile voids nothing. Blocking.
     */
    public int endOpenHandsAt(long tableId) {
        return end(hands.openAt(tableId));
    }

    private int end(List<UnfinishedHands.OpenHand> open) {
        for (UnfinishedHands.OpenHand hand : open) {
            hands.end(recordOf(hand));
        }
        return open.size();
    }

    /** Voids the hand unless its settlement committed, and returns the record it ends with. */
    private HandHistory recordOf(UnfinishedHands.OpenHand hand) {
        String tableRef = OwnerRef.table(hand.tableId()).text();
        long pot = ledger.openAccount(AccountKind.POT, tableRef, currency).id();
        HandVoider.Refunds refunds = new HandVoider(ledger, worker).voidHand(pot, tableRef, new HandRef(hand.handId())).join();
        Optional<HandHistory> draft = hands.settlementDraft(hand.handId());
        Optional<HandHistory> progress = hands.progress(hand.handId());
        if (refunds.paidOut() && draft.isPresent()) {
            log.warn("hand {} at table {} settled just before the server stopped; its record was stored from the "
                    + "draft written before its settlement", hand.handId(), hand.tableId());
            return HandHistoryRecorder.withSettlementTransfers(draft.get(), refunds.settlement());
        }
        if (progress.isPresent()) {
            log.warn("hand {} at table {} was cut short; voided, refunds {}, its record kept from its progress",
                    hand.handId(), hand.tableId(), refunds.byAccount());
            return fromProgress(progress.get(), refunds.paidOut() ? SETTLED_FROM_PROGRESS : REASON);
        }
        if (refunds.paidOut()) {
            log.warn("hand {} at table {} had settled but its history was not written; recorded as cut short",
                    hand.handId(), hand.tableId());
            return cutShortHistory(hand, refunds, SETTLED_UNRECORDED);
        }
        log.warn("hand {} at table {} was cut short; voided, refunds {}", hand.handId(), hand.tableId(), refunds.byAccount());
        return cutShortHistory(hand, refunds, REASON);
    }

    /** The record of a hand the crash cut short, from the record it had so far and the ledger's transfers of it. */
    private HandHistory fromProgress(HandHistory progress, String reason) {
        Map<Long, Integer> seatOfAccount = new HashMap<>();
        for (SeatRecord seat : progress.seats()) {
            String owner = OwnerRef.table(progress.tableId()).seatOf(seat.playerId()).text();
            ledger.findAccount(AccountKind.SEAT, owner, currency).ifPresent(account -> seatOfAccount.put(account.id(), seat.seat()));
        }
        List<Transfer> transfers = ledger.transfersOfHand(new HandRef(progress.handId()).text());
        return InterruptedHandRecord.of(progress, transfers, seatOfAccount, reason, clock.instant());
    }

    /** The player whose seat account this is, or -1. */
    private static long playerOf(String owner) {
        try {
            return OwnerRef.parse(owner) instanceof OwnerRef.Seat seat ? seat.playerId() : -1;
        } catch (IllegalArgumentException notASeat) {
            return -1;
        }
    }

    /**
     * The record of a hand the crash cut short when it left no record of its own (a crash before its first posting,
     * or a version that kept none): what the ledger knows of it. The cards, the actions and the deck's seed died with
     * the process; the players are those whose seats the refunds paid (seat numbers unknown: -1).
     */
    private HandHistory cutShortHistory(UnfinishedHands.OpenHand hand, HandVoider.Refunds refunds, String reason) {
        List<SeatRecord> seats = new ArrayList<>();
        List<HistoryEvent> events = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Long, Money> refund : refunds.byAccount().entrySet()) {
            String owner = ledger.account(refund.getKey()).map(Account::ownerRef).orElse("");
            long playerId = playerOf(owner);
            seats.add(new SeatRecord(-1, playerId, hands.playerName(playerId).orElse(owner), null, null, null));
            Long transferId = i < refunds.transferIds().size() ? refunds.transferIds().get(i) : null;
            events.add(new HistoryEvent.Refunded(-1, refund.getValue(), transferId));
            i++;
        }
        return new HandHistory(HandHistory.VERSION, hand.handId(), hand.tableId(), null, currency, HandStatus.VOIDED, reason,
                hands.startedAt(hand.handId()), clock.instant(), null, -1, seats, null, List.of(), events);
    }
}
