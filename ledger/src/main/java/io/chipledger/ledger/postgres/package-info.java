/**
 * The ledger on PostgreSQL. {@link io.chipledger.ledger.postgres.PostgresLedger} queues postings to
 * {@link io.chipledger.ledger.postgres.GroupCommitWriter}s; each batch is one
 * {@link io.chipledger.ledger.postgres.BatchTransaction}: accounts locked in id order and keys looked up (one round
 * trip), postings applied one by one in memory by {@link io.chipledger.ledger.postgres.BatchApplier}, survivors
 * written by one statement (one round trip), one commit. Invariant: a future completes only after its batch committed.
 */
package io.chipledger.ledger.postgres;
