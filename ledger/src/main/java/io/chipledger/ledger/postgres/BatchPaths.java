package io.chipledger.ledger.postgres;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How the writers' batch attempts went: written in one round trip from remembered accounts, or under locks (the first
 * time an account is seen, and after a refused write), and how many one-round-trip writes the database refused. Many
 * refusals mean accounts that several writers keep moving at once.
 */
final class BatchPaths {

    final AtomicLong oneRoundTrip = new AtomicLong();
    final AtomicLong underLocks = new AtomicLong();
    final AtomicLong writesRefused = new AtomicLong();
}
