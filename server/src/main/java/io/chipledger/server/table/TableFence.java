package io.chipledger.server.table;

import io.chipledger.ledger.Fence;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The lease a game node serves one table under: every posting, hand, seat and history write the table makes carries
 * its {@link Fence} and is checked in its own transaction. The first write refused for a stale epoch (another node
 * claimed the table) calls {@code onLost} once: the node stops serving the table at once.
 */
public final class TableFence {

    private final Fence fence;
    private final Runnable onLost;
    private final AtomicBoolean lost = new AtomicBoolean();

    public TableFence(Fence fence, Runnable onLost) {
        this.fence = fence;
        this.onLost = onLost;
    }

    /** The lease name of a table. */
    public static String leaseName(long tableId) {
        return "table:" + tableId;
    }

    public Fence fence() {
        return fence;
    }

    /** The first sequence number of the table's events under this epoch: above every number an older owner used. */
    long firstSeq() {
        return fence.epoch() << 32;
    }

    /** A write was refused for this fence, or a renewal came back without it: the table is no longer ours. */
    public void lost() {
        if (lost.compareAndSet(false, true)) {
            onLost.run();
        }
    }

    public boolean isLost() {
        return lost.get();
    }
}
