/**
 * Opening the ledger's database: the embedded PostgreSQL (data kept across restarts, an orphan left by a killed server
 * stopped first), or an external server; Flyway migrations, the HikariCP pool and MyBatis.
 */
package io.chipledger.ledger.db;
