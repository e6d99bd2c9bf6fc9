package io.chipledger.server.table;

import io.chipledger.money.Money;
import io.chipledger.money.RakeRule;
import io.chipledger.server.game.holdem.Ante;
import io.chipledger.server.game.holdem.Stakes;
import io.chipledger.server.store.PokerTableMapper;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/** The running tables by id: loaded from the database at start, added to when an operator opens one. */
public final class TableDirectory {

    private final Map<Long, TableActor> tables = new ConcurrentHashMap<>();
    private final TableServices services;
    private final SqlSessionFactory database;
    private final Duration pauseBetweenHands;

    public TableDirectory(TableServices services, SqlSessionFactory database, Duration pauseBetweenHands) {
        this.services = services;
        this.database = database;
        this.pauseBetweenHands = pauseBetweenHands;
    }

    /** Starts an actor for every table that is not closed; blocking, for start-up. */
    public void loadOpenTables() {
        try (SqlSession session = database.openSession(true)) {
            for (PokerTableMapper.PokerTableRow row : session.getMapper(PokerTableMapper.class).openTables()) {
                TableActor actor = tables.computeIfAbsent(row.id(), id -> TableActor.open(configOf(row), services, pauseBetweenHands));
                if ("PAUSED".equals(row.status())) {
                    actor.pause(); // an operator paused it before the restart
                }
            }
        }
    }

    /** Stores a new table and starts its actor; blocking. */
    public TableActor create(PokerTableMapper.PokerTableRow row) {
        configOf(row); // refuse a bad configuration before storing it
        long id;
        try (SqlSession session = database.openSession(true)) {
            id = session.getMapper(PokerTableMapper.class).insertTable(row);
        }
        PokerTableMapper.PokerTableRow stored = new PokerTableMapper.PokerTableRow(id, row.name(), row.currency(),
                row.smallBlind(), row.bigBlind(), row.ante(), row.seats(), row.minBuyIn(), row.maxBuyIn(),
                row.rakePercent(), row.rakeCap(), row.actionSeconds(), row.timeBankSeconds(), row.status());
        TableActor actor = TableActor.open(configOf(stored), services, pauseBetweenHands);
        tables.put(id, actor);
        return actor;
    }

    /**
     * Stores the status an operator set ({@code OPEN}, {@code PAUSED}, {@code CLOSED}); a closed table leaves the
     * directory, so it is in no lobby and takes no messages. Blocking. The actor itself is told by the caller.
     */
    public void recordStatus(long id, String status) {
        try (SqlSession session = database.openSession(true)) {
            session.getMapper(PokerTableMapper.class).setStatus(id, status);
        }
        if ("CLOSED".equals(status)) {
            tables.remove(id);
        }
    }

    public Optional<TableActor> find(long id) {
        return Optional.ofNullable(tables.get(id));
    }

    public Collection<TableActor> all() {
        return List.copyOf(tables.values());
    }

    static TableConfig configOf(PokerTableMapper.PokerTableRow row) {
        Stakes stakes = Stakes.blinds(row.smallBlind(), row.bigBlind());
        if (row.ante().isPositive()) {
            stakes = stakes.withAnte(new Ante.Uniform(row.ante()));
        }
        RakeRule rake = row.rakePercent().signum() == 0 ? RakeRule.NONE : new RakeRule(row.rakePercent(), row.rakeCap(), true);
        return new TableConfig(row.id(), row.name(), row.currency(), stakes, row.seats(), row.minBuyIn(), row.maxBuyIn(),
                rake, Duration.ofSeconds(row.actionSeconds()), Duration.ofSeconds(row.timeBankSeconds()));
    }

    /** A row for a plain table: blinds sb/bb, buy-in 20 to 100 big blinds, 20 s to act, 30 s time bank. */
    public static PokerTableMapper.PokerTableRow plainTable(String name, Money smallBlind, Money bigBlind, int seats) {
        return new PokerTableMapper.PokerTableRow(0, name, "CHP", smallBlind, bigBlind, Money.ZERO, seats,
                bigBlind.times(20), bigBlind.times(100), java.math.BigDecimal.ZERO, Money.ZERO, 20, 30, "OPEN");
    }
}
