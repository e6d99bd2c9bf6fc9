package io.chipledger.server.table;

import io.chipledger.money.Money;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The running tables by id: loaded from their records at start, added to when an operator opens one. */
public final class TableDirectory {

    private final Map<Long, TableActor> tables = new ConcurrentHashMap<>();
    private final TableServices services;
    private final TableRecords records;
    private final Duration pauseBetweenHands;

    public TableDirectory(TableServices services, TableRecords records, Duration pauseBetweenHands) {
        this.services = services;
        this.records = records;
        this.pauseBetweenHands = pauseBetweenHands;
    }

    /** Starts an actor for every table that is not closed; blocking, for start-up. */
    public void loadOpenTables() {
        for (TableRecords.StoredTable stored : records.notClosed()) {
            TableActor actor = tables.computeIfAbsent(stored.config().id(), id -> TableActor.open(stored.config(), services, pauseBetweenHands));
            if (stored.status() == TableStatus.PAUSED) {
                actor.pause(); // an operator paused it before the restart
            }
        }
    }

    /** Stores a new table with these settings (their id is ignored) and starts its actor; blocking. */
    public TableActor create(TableConfig settings) {
        long id = records.insert(settings, TableStatus.OPEN);
        TableActor actor = TableActor.open(settings.withId(id), services, pauseBetweenHands);
        tables.put(id, actor);
        return actor;
    }

    /**
     * Stores the status an operator set ({@code OPEN}, {@code PAUSED}, {@code CLOSED}); a closed table leaves the
     * directory, so it is in no lobby and takes no messages. Blocking. The actor itself is told by the caller.
     */
    public void recordStatus(long id, TableStatus status) {
        if (status == TableStatus.CLOSING) {
            throw new IllegalArgumentException("a table is stored open, paused or closed, never closing");
        }
        records.setStatus(id, status);
        if (status == TableStatus.CLOSED) {
            tables.remove(id);
        }
    }

    /** The settings of the tables operators closed, which have no actor; blocking. */
    public List<TableConfig> closedTables() {
        return records.closed().stream().map(TableRecords.StoredTable::config).toList();
    }

    public Optional<TableActor> find(long id) {
        return Optional.ofNullable(tables.get(id));
    }

    public Collection<TableActor> all() {
        return List.copyOf(tables.values());
    }

    /** The settings of a plain table, to {@link #create}: blinds sb/bb, buy-in 20 to 100 big blinds, 20 s to act, 30 s bank. */
    public static TableConfig plainTable(String name, Money smallBlind, Money bigBlind, int seats) {
        return TableConfig.standard(0, name, smallBlind, bigBlind, seats);
    }
}
