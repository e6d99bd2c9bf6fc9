/**
 * Leases on named resources (a poker table), kept in the ledger's database and told by its clock, the one clock every
 * node agrees on. {@link io.chipledger.ledger.lease.Leases} claims, renews and releases them; each claim raises the
 * lease's epoch, and the {@link io.chipledger.ledger.Fence} a claim returns is what the holder's postings carry, so
 * the ledger refuses, in the posting's own transaction, anything a holder does after it lost the lease.
 * {@link io.chipledger.ledger.lease.FenceGuard} gives the same check to the holder's other writes.
 */
package io.chipledger.ledger.lease;
