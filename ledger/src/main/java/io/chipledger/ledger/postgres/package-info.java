/**
 * The ledger on PostgreSQL. {@link io.chipledger.ledger.postgres.PostgresLedger} queues postings to
 * {@link io.chipledger.ledger.postgres.GroupCommitWriter}s; each batch is one
 * {@link io.chipledger.ledger.postgres.BatchTransaction}: keys looked up, accounts locked in id order, postings applied
 * one by one in memory by {@link io.chipledger.ledger.postgres.BatchApplier}, survivors written with one multi-row
 * statement per table, one commit. Invariant: a future completes only after its batch committed.
 */
package io.chipledger.ledger.postgres;
