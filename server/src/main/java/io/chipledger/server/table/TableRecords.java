package io.chipledger.server.table;

import java.util.List;

/**
 * Where the tables themselves are kept: each one's settings and its status as operators set it. Blocking: called at
 * start-up and from the admin console's worker, never from a table's mailbox.
 */
public interface TableRecords {

    /** Every table not closed, by id. */
    List<StoredTable> notClosed();

    /** The tables operators closed, by id. */
    List<StoredTable> closed();

    /** Stores a new table with these settings (their id is ignored) and returns its id. */
    long insert(TableConfig settings, TableStatus status);

    void setStatus(long tableId, TableStatus status);

    /** A table as stored. */
    record StoredTable(TableConfig config, TableStatus status) {
    }
}
