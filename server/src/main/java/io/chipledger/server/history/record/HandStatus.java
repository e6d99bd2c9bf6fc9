package io.chipledger.server.history.record;

/** How a hand ended: settled (its pots awarded), or voided (every chip it moved went back to its seat). */
public enum HandStatus {
    SETTLED, VOIDED
}
