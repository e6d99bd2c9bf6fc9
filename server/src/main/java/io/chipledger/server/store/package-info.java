/** The server's own tables in PostgreSQL (players, poker tables, hands), migrated beside the ledger's. */
package io.chipledger.server.store;
