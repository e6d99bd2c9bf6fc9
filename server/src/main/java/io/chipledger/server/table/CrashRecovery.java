package io.chipledger.server.table;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.Ledger;
import io.chipledger.ledger.money.Money;
import io.chipledger.server.store.HandMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs at start-up, before any table takes a command: every hand a crash left open is voided (its chips go back to
 * the seats they came from, by a refund posting whose key is derived from the hand) and marked VOIDED. Safe to run
 * again if it is itself interrupted: the refund's key makes the second run a replay.
 */
public final class CrashRecovery {

    private static final Logger log = LoggerFactory.getLogger(CrashRecovery.class);

    private final SqlSessionFactory database;
    private final Ledger ledger;
    private final Executor worker;
    private final String currency;

    public CrashRecovery(SqlSessionFactory database, Ledger ledger, Executor worker, String currency) {
        this.database = database;
        this.ledger = ledger;
        this.worker = worker;
        this.currency = currency;
    }

    /** Voids every open hand; returns how many there were. Blocking. */
    public int voidOpenHands() {
        List<HandMapper.OpenHand> open;
        try (SqlSession session = database.openSession(true)) {
            open = session.getMapper(HandMapper.class).openHands();
        }
        for (HandMapper.OpenHand hand : open) {
            String tableRef = "table:" + hand.tableId();
            long pot = ledger.openAccount(AccountKind.POT, tableRef, currency).id();
            Map<Long, Money> refunds = new HandVoider(ledger, worker).voidHand(pot, tableRef, "h" + hand.id()).join();
            try (SqlSession session = database.openSession(true)) {
                session.getMapper(HandMapper.class).finishHand(hand.id(), HandRecords.HandOutcome.VOIDED.name());
            }
            log.warn("hand {} at table {} was cut short; voided, refunds {}", hand.id(), hand.tableId(), refunds);
        }
        return open.size();
    }
}
