package io.chipledger.server.history.export;

import io.chipledger.server.history.record.HandHistory;
import java.io.IOException;

/**
 * Writes hands one after another into one document, as they are read: nothing is kept between hands, so an export
 * of any length runs in constant memory. The caller gives each hand already as its reader may see it
 * ({@link HandHistory#seenBy}).
 */
public interface HandHistoryWriter {

    /** Writes the hand; false, writing nothing, when the format cannot hold it (a voided hand as PokerStars or PHH). */
    boolean write(HandHistory hand) throws IOException;

    /** Ends the document and flushes; the underlying stream stays open. */
    void finish() throws IOException;
}
