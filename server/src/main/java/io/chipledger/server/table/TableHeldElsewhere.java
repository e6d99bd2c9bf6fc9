package io.chipledger.server.table;

/**
 * A table this game node may not serve: another node holds its lease. A sit-and-go running there is that node's to
 * deal; this one leaves it alone.
 */
public final class TableHeldElsewhere extends IllegalStateException {

    public TableHeldElsewhere(long tableId) {
        super("table " + tableId + " is served by another game node");
    }
}
