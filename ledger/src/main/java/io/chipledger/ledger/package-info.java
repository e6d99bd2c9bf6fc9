/**
 * The chip ledger's public API. {@link io.chipledger.ledger.Ledger#post(io.chipledger.ledger.Posting)} is the only way
 * chips move; a posting is idempotent by its key and commits whole or not at all. Invariants, checked by the database
 * where cheap and by {@link io.chipledger.ledger.audit.LedgerAuditor} otherwise: every transfer moves a positive amount
 * between two distinct accounts of one currency; only the cashier goes negative; per currency, all balances sum to zero;
 * each account's entries form an unbroken chain of versions and balances.
 */
package io.chipledger.ledger;
