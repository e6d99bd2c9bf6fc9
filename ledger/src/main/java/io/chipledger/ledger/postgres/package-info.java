/**
 * The ledger on PostgreSQL. {@link io.chipledger.ledger.postgres.PostgresLedger} queues postings to
 * {@link io.chipledger.ledger.postgres.GroupCommitWriter}s; each batch is one
 * {@link io.chipledger.ledger.postgres.BatchTransaction}: postings applied one by one in memory by
 * {@link io.chipledger.ledger.postgres.BatchApplier} to the accounts' last committed state as the writers remember it
 * ({@link io.chipledger.ledger.postgres.AccountCache}), survivors written and committed by one statement that only
 * updates accounts still in that state (one round trip); when an account is not remembered or has moved, a key was
 * used before, or a posting is refused, the batch is applied again to its accounts locked in id order and its keys
 * looked up (one more round trip). Invariant: a future completes only after its batch committed.
 */
package io.chipledger.ledger.postgres;
