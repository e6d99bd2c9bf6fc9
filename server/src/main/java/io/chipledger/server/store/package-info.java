/**
 * The server's own tables in PostgreSQL (players' sessions aside: poker tables, seats, hands, their histories and
 * drafts), migrated beside the ledger's. It implements the records the table package asks for
 * ({@link io.chipledger.server.table.TableRecords}, {@link io.chipledger.server.table.SeatRecords},
 * {@link io.chipledger.server.table.HandRecords}, {@link io.chipledger.server.table.UnfinishedHands}) and reads stored
 * histories for export ({@link io.chipledger.server.store.HandExporter}); it imports the table, history, game and
 * account packages, and none of them imports it.
 */
package io.chipledger.server.store;
