/** Test fixtures shared with other modules through the ledger's test-jar: the embedded PostgreSQL. */
package io.chipledger.ledger.testing;
