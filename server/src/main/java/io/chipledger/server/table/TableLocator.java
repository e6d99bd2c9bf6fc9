package io.chipledger.server.table;

import java.util.Optional;

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

    /** A server alone on its database: every table it runs is served here. */
    static TableLocator alone(TableDirectory tables) {
        return tableId -> tables.find(tableId).map(actor -> new Route(tableId, true, null, null));
    }
}
