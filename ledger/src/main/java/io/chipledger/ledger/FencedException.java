package io.chipledger.ledger;

/**
 * A write made under a {@link Fence} that no longer stands: the lease was claimed again (or never existed), so its
 * maker has lost the resource and must stop acting for it. Nothing was written.
 */
public final class FencedException extends RuntimeException {

    private final transient Fence fence;

    public FencedException(Fence fence, Long standingEpoch) {
        super("lease " + fence.name() + " " + (standingEpoch == null ? "does not exist"
                : "stands at epoch " + standingEpoch) + ", not " + fence.epoch() + ": the write was refused");
        this.fence = fence;
    }

    public Fence fence() {
        return fence;
    }
}
