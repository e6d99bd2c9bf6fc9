/**
 * Hand histories out: PokerStars text for tracking tools, PHH for replay, and the full JSON record, each written hand
 * by hand as the database cursor reads them (constant memory), as the reader may see them ({@link
 * io.chipledger.server.history.export.Viewer}). Used by {@code poker-server export} and the HTTP downloads.
 */
package io.chipledger.server.history.export;
