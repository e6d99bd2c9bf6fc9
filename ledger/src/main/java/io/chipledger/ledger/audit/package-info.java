/**
 * The ledger audit: every balance re-derived from the journal, conservation per currency, unbroken version chains,
 * no negative balances but the cashier's, balanced transfers, unique keys. The audit is the backstop for everything
 * the write path leaves unchecked for speed.
 */
package io.chipledger.ledger.audit;
