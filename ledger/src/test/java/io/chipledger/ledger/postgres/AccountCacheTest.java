package io.chipledger.ledger.postgres;

import io.chipledger.ledger.AccountKind;
import io.chipledger.ledger.mapper.LockedAccount;
import io.chipledger.money.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountCacheTest {

    @Test
    void aBatchIsServedOnlyWhenEveryOneOfItsAccountsIsKnown() {
        AccountCache cache = new AccountCache(100);
        cache.remember(List.of(wallet(1, 5), wallet(2, 7)));

        assertThat(cache.all(new Long[] {2L, 1L})).extracting(LockedAccount::id).containsExactly(2L, 1L);
        assertThat(cache.all(new Long[] {1L, 3L})).isNull();

        cache.forget(new Long[] {1L});
        assertThat(cache.all(new Long[] {1L})).isNull();
        assertThat(cache.all(new Long[] {2L})).isNotNull();
    }

    @Test
    void anOlderStateNeverReplacesANewerOne() {
        AccountCache cache = new AccountCache(100);
        cache.remember(List.of(wallet(1, 5)));
        cache.remember(List.of(wallet(1, 3))); // a writer that read before another committed

        assertThat(cache.all(new Long[] {1L}).get(0).version()).isEqualTo(5);

        cache.remember(List.of(wallet(1, 6)));
        assertThat(cache.all(new Long[] {1L}).get(0).version()).isEqualTo(6);
    }

    /** The rake account is in every settlement: a flood of accounts seen once must not push it out. */
    @Test
    void goingPastTheBoundEvictsAccountsSeenOnceAndKeepsTheBusyOnes() {
        int capacity = 100;
        AccountCache cache = new AccountCache(capacity);
        LockedAccount rake = new LockedAccount(1, AccountKind.RAKE, "CHP", Money.ZERO, 0, false);
        cache.remember(List.of(rake));

        for (long id = 2; id < 2 + 10L * capacity; id++) {
            cache.remember(List.of(wallet(id, 1)));
            if (id % 10 == 0) {
                assertThat(cache.all(new Long[] {1L})).as("the rake account after %d others", id).isNotNull();
            }
        }

        assertThat(cache.size()).isLessThanOrEqualTo(capacity);
        assertThat(cache.all(new Long[] {1L})).isNotNull();
    }

    private static LockedAccount wallet(long id, long version) {
        return new LockedAccount(id, AccountKind.WALLET, "CHP", Money.ofCents(100 * version), version, false);
    }
}
