package io.chipledger.ledger.postgres;

import io.chipledger.ledger.mapper.LockedAccount;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last state the ledger's writers saw committed for each account, so a batch whose accounts are all here can skip
 * the round trip that locks and reads them. Nothing here is trusted: a batch applied from it only commits if every
 * account it touches still holds the balance and version it was applied to (the write's compare-and-swap), and falls
 * back to locking otherwise. A stale entry costs one failed attempt, never a wrong balance. Shared by the writers.
 */
final class AccountCache {

    private final ConcurrentHashMap<Long, LockedAccount> accounts = new ConcurrentHashMap<>();
    private final int capacity;

    AccountCache(int capacity) {
        this.capacity = capacity;
    }

    /** The cached state of every one of these accounts, or null if any is missing. */
    List<LockedAccount> all(Long[] ids) {
        List<LockedAccount> found = new ArrayList<>(ids.length);
        for (Long id : ids) {
            LockedAccount account = accounts.get(id);
            if (account == null) {
                return null;
            }
            found.add(account);
        }
        return found;
    }

    /** Keeps what was read under lock or committed, unless a newer version is already known. */
    void remember(Collection<LockedAccount> states) {
        if (accounts.size() + states.size() > capacity) {
            accounts.clear(); // a crude bound: refilled by the next batches' locked reads
        }
        for (LockedAccount state : states) {
            accounts.merge(state.id(), state, (known, seen) -> seen.version() >= known.version() ? seen : known);
        }
    }

    void forget(Long[] ids) {
        for (Long id : ids) {
            accounts.remove(id);
        }
    }
}
