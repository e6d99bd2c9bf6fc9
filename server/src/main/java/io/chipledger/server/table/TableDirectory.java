package io.chipledger.server.table;

import io.chipledger.money.Money;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running tables by id: loaded from their records at start, added to when an operator opens one, and the tables
 * sit-and-gos are played at while they run. On a game node among others, only the tables this node holds leases on:
 * they are adopted and forgotten as leases come and go, and a new table is opened through the node's {@link Opener}
 * (which claims its lease first).
 */
public final class TableDirectory {

    /** Opens a table just stored: its actor, running. */
    public interface Opener {
        TableActor open(TableRecords.StoredTable stored);
    }

    /**
     * Opens the tables sit-and-gos are dealt at (stored already, by their tournament) and lets each go when its
     * tournament ends: alone on the database, directly; on a game node, under the table's lease.
     */
    public interface TournamentOpener {
        /** The table's actor, running; blocking. Throws {@link TableHeldElsewhere} when another node serves it. */
        TableActor open(TableConfig config, TournamentPlay play);

        /** The tournament dealt at this table ended: the table writes nothing more. */
        void ended(TableActor actor);
    }

    private final Map<Long, TableActor> tables = new ConcurrentHashMap<>();
    private final TableServices services;
    private final TableRecords records;
    private final Duration pauseBetweenHands;
    private volatile Opener opener;
    private volatile TournamentOpener tournamentOpener;

    public TableDirectory(TableServices services, TableRecords records, Duration pauseBetweenHands) {
        this.services = services;
        this.records = records;
        this.pauseBetweenHands = pauseBetweenHands;
        this.opener = stored -> TableActor.open(stored.config(), services, pauseBetweenHands);
        this.tournamentOpener = new TournamentOpener() {
            @Override
            public TableActor open(TableConfig config, TournamentPlay play) {
                return TableActor.forTournament(config, services, pauseBetweenHands, play);
            }

            @Override
            public void ended(TableActor actor) {
            }
        };
    }

    /** New tables are opened by {@code how} from now on (a game node claims each one's lease first). */
    public void openWith(Opener how) {
        this.opener = how;
    }

    /** Sit-and-gos' tables are opened by {@code how} from now on (a game node claims each one's lease first). */
    public void openTournamentTablesWith(TournamentOpener how) {
        this.tournamentOpener = how;
    }

    /** Where the tables are stored: a game node reads which tables exist, to claim those no node serves. */
    public TableRecords records() {
        return records;
    }

    /** A table this node took over: it runs here now. */
    public void adopt(TableActor actor) {
        tables.put(actor.config().id(), actor);
    }

    /** A table this node no longer serves (its lease moved on, or it was handed over); false if it was not this actor. */
    public boolean forget(TableActor actor) {
        return tables.remove(actor.config().id(), actor);
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
        TableActor actor = opener.open(new TableRecords.StoredTable(settings.withId(id), TableStatus.OPEN));
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

    /**
     * Opens a sit-and-go's table, stored already by its tournament: players reach it by its id like any table.
     * Blocking; throws {@link TableHeldElsewhere} when another game node serves it.
     */
    public TableActor openTournamentTable(TableConfig config, TournamentPlay play) {
        TableActor actor = tournamentOpener.open(config, play);
        tables.put(config.id(), actor);
        return actor;
    }

    /** A sit-and-go's table whose tournament ended leaves the directory (and, on a game node, its lease is let go). */
    public void tournamentTableEnded(long id) {
        TableActor actor = tables.remove(id);
        if (actor != null) {
            tournamentOpener.ended(actor);
        }
    }

    /** The cash tables, for the lobby and the console's list: a sit-and-go's table is reached through its tournament. */
    public List<TableActor> cashTables() {
        return tables.values().stream().filter(table -> !table.playsATournament()).toList();
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
