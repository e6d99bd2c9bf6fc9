package io.chipledger.server.table;

import io.chipledger.ledger.Account;
import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.Transfer;
import io.chipledger.money.Money;
import io.chipledger.server.account.PlayerMapper;
import io.chipledger.server.chips.HandRef;
import io.chipledger.server.chips.OwnerRef;
import io.chipledger.server.history.record.HandHistory;
import io.chipledger.server.history.record.HandHistoryRecorder;
import io.chipledger.server.history.record.HandStatus;
import io.chipledger.server.history.record.HistoryEvent;
import io.chipledger.server.history.record.HistoryJson;
import io.chipledger.server.history.record.SeatRecord;
import io.chipledger.server.store.HandHistoryMapper;
import io.chipledger.server.store.HandMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
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

    private final SqlSessionFactory database;
    private final Ledger ledger;
    private final Executor worker;
    private final String currency;
    private final Clock clock;

    public CrashRecovery(SqlSessionFactory database, Ledger ledger, Executor worker, String currency, Clock clock) {
        this.database = database;
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
        List<HandMapper.OpenHand> open;
        try (SqlSession session = database.openSession(true)) {
            open = session.getMapper(HandMapper.class).openHands();
        }
        for (HandMapper.OpenHand hand : open) {
            String tableRef = OwnerRef.table(hand.tableId()).text();
            long pot = ledger.openAccount(AccountKind.POT, tableRef, currency).id();
            HandVoider.Refunds refunds = new HandVoider(ledger, worker).voidHand(pot, tableRef, new HandRef(hand.id())).join();
            try (SqlSession session = database.openSession(false)) {
                HandHistoryMapper histories = session.getMapper(HandHistoryMapper.class);
                String draft = histories.findDraft(hand.id());
                String progress = histories.findProgress(hand.id());
                HandHistory record;
                if (refunds.paidOut() && draft != null) {
                    record = HandHistoryRecorder.withSettlementTransfers(HistoryJson.read(draft), refunds.settlement());
                    log.warn("hand {} at table {} settled just before the server stopped; its record was stored from the "
                            + "draft written before its settlement", hand.id(), hand.tableId());
                } else if (progress != null) {
                    record = fromProgress(HistoryJson.read(progress), refunds.paidOut() ? SETTLED_UNRECORDED : REASON);
                    log.warn("hand {} at table {} was cut short; voided, refunds {}, its record kept from its progress",
                            hand.id(), hand.tableId(), refunds.byAccount());
                } else if (refunds.paidOut()) {
                    record = cutShortHistory(session, hand, refunds, SETTLED_UNRECORDED);
                    log.warn("hand {} at table {} had settled but its history was not written; recorded as cut short",
                            hand.id(), hand.tableId());
                } else {
                    record = cutShortHistory(session, hand, refunds, REASON);
                    log.warn("hand {} at table {} was cut short; voided, refunds {}", hand.id(), hand.tableId(), refunds.byAccount());
                }
                session.getMapper(HandMapper.class).finishHand(hand.id(), record.status().name());
                histories.insert(record);
                histories.deleteDrafts(hand.id());
                session.commit();
            }
        }
        return open.size();
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

    /**
     * The record of a hand the crash cut short when it left no record of its own (a crash before its first posting,
     * or a version that kept none): what the ledger knows of it. The cards, the actions and the deck's seed
     * died with the process; the players are those whose seats the refunds paid (seat numbers unknown: -1).
     */
    private HandHistory cutShortHistory(SqlSession session, HandMapper.OpenHand hand, HandVoider.Refunds refunds,
                                        String reason) {
        List<SeatRecord> seats = new ArrayList<>();
        List<HistoryEvent> events = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Long, Money> refund : refunds.byAccount().entrySet()) {
            String owner = ledger.account(refund.getKey()).map(Account::ownerRef).orElse("");
            long playerId = OwnerRef.parse(owner) instanceof OwnerRef.Seat seat ? seat.playerId() : -1;
            PlayerMapper.PlayerRow row = session.getMapper(PlayerMapper.class).findById(playerId);
            seats.add(new SeatRecord(-1, playerId, row == null ? owner : row.name(), null, null, null));
            Long transferId = i < refunds.transferIds().size() ? refunds.transferIds().get(i) : null;
            events.add(new HistoryEvent.Refunded(-1, refund.getValue(), transferId));
            i++;
        }
        Instant started = session.getMapper(HandHistoryMapper.class).handStartedAt(hand.id());
        return new HandHistory(HandHistory.VERSION, hand.id(), hand.tableId(), null, currency, HandStatus.VOIDED, reason,
                started, clock.instant(), null, -1, seats, null, List.of(), events);
    }
}
