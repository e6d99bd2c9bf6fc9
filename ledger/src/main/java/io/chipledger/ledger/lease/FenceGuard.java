package io.chipledger.ledger.lease;

import io.chipledger.ledger.Fence;
import io.chipledger.ledger.FencedException;
import org.apache.ibatis.session.SqlSession;

/**
 * The ledger's fence check for a holder's other writes (a hand's record, a seat): called first in the write's own
 * transaction, it reads the lease FOR SHARE, so no claim can commit before that transaction does, and throws if the
 * lease no longer stands at the fence's epoch. Nothing the transaction then writes outlives a lost lease.
 */
public final class FenceGuard {

    private FenceGuard() {
    }

    /** @throws FencedException when the lease was claimed again since (or never existed); the caller rolls back */
    public static void check(SqlSession transaction, Fence fence) {
        if (fence == null) {
            return;
        }
        Long standing = transaction.getMapper(LeaseMapper.class).standingEpoch(fence.name());
        if (standing == null || standing != fence.epoch()) {
            throw new FencedException(fence, standing);
        }
    }
}
