package io.chipledger.server.table;

/**
 * Where a table stands with its operators. OPEN deals; PAUSED plays the hand in progress out and deals no more;
 * CLOSING takes no new players and cashes every seat out once no hand runs; CLOSED is gone from the lobby for good.
 * CLOSING lasts only while the server runs: what is stored is OPEN, PAUSED or CLOSED.
 */
public enum TableStatus {
    OPEN, PAUSED, CLOSING, CLOSED
}
