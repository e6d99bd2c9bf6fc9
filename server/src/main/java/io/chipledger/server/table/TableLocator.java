package io.chipledger.server.table;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a table is served: by this server alone on its database, or, among game nodes, by the node holding its lease.
 * Blocking (it may read the database): call it on a worker, never on the event loop or in a mailbox.
 */
public interface TableLocator {

    /** Where the table is served; empty when there is no such table open. */
    Optional<Route> locate(long tableId);

    /**
     * A table's route. {@code served} false: no node holds its lease right now (its node died or handed it over, and
     * another is taking it): ask again in a moment. {@code node} and {@code url} are null for a server alone on its
     * database (it serves every table itself).
     */
    record Route(long tableId, boolean served, String node, String url) {
    }

    /**
     * The open cash tables not served here ({@code servedHere}): those other game nodes serve, or none does right now
     * (a takeover under way: {@code node} null), as a lobby lists them, from the database. None for a server alone.
     */
    default List<Listed> elsewhere(Set<Long> servedHere) {
        return List.of();
    }

    /** A table served elsewhere: its settings, the players recorded in its seats, and the node serving it. */
    record Listed(TableConfig config, List<String> players, String node, String url) {
    }

    /** A server alone on its database: every table it runs is served here. */
    static TableLocator alone(TableDirectory tables) {
        return tableId -> tables.find(tableId).map(actor -> new Route(tableId, true, null, null));
    }
}
