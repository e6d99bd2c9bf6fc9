package io.chipledger.ledger.postgres;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.chipledger.ledger.mapper.LockedAccount;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentMap;

/**
 * The last state the ledger's writers saw committed for each account, so a batch whose accounts are all here can skip
 * the round trip that locks and reads them. Nothing here is trusted: a batch applied from it only commits if every
 * account it touches still holds the balance and version it was applied to (the write's compare-and-swap), and falls
 * back to locking otherwise. A stale entry costs one failed attempt, never a wrong balance. Shared by the writers.
 *
 * <p>Bounded by Caffeine, which evicts the accounts least likely to be moved again (a player who left, a hand's pot)
 * one by one, so going past the bound costs one locked read for an evicted account, not a cold cache for all of them.
 * Eviction runs on the writer that went past the bound, so it needs no other thread and is done when
 * {@link #remember} returns.
 */
final class AccountCache {

    private final Cache<Long, LockedAccount> cache;
    private final ConcurrentMap<Long, LockedAccount> accounts;

    AccountCache(int capacity) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(capacity)
                .executor(Runnable::run)
                .build();
        this.accounts = cache.asMap();
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
        for (LockedAccount state : states) {
            accounts.merge(state.id(), state, (known, seen) -> seen.version() >= known.version() ? seen : known);
        }
    }

    void forget(Long[] ids) {
        for (Long id : ids) {
            accounts.remove(id);
        }
    }

    /**
     * Forgets everything: after a connection broke, the next one may reach another server (a standby promoted), and
     * nothing remembered from before is worth a refused write.
     */
    void forgetAll() {
        accounts.clear();
    }

    /** How many accounts are kept, once pending evictions are done. */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
