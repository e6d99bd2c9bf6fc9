package io.chipledger.ledger;

import io.chipledger.money.Money;

import java.util.List;
import java.util.Objects;

/**
 * One request to move chips, committed whole or not at all. The idempotency key names the request: posting it again
 * with the same content returns the original outcome and moves nothing; the same key with other content is refused.
 * The table/hand/action references are free text for history and recovery (e.g. {@code "t17"}, {@code "t17-h42"}).
 *
 * @param idempotencyKey non-blank, at most {@value #MAX_KEY_LENGTH} characters
 * @param legs           at least one; a hand settlement has one per pot share, rake and returned bet
 * @param fence          null, or the lease the posting's maker held: the posting commits only while it still stands
 *                       at that epoch (see {@link Fence}). Not part of the content: the same request posted again under
 *                       a newer epoch is the same request
 */
public record Posting(String idempotencyKey, TransferKind kind, String tableRef, String handRef, String actionRef,
                      List<Leg> legs, Fence fence) {

    public static final int MAX_KEY_LENGTH = 200;

    public Posting {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(kind, "kind");
        legs = List.copyOf(legs);
    }

    /** A posting no lease guards. */
    public Posting(String idempotencyKey, TransferKind kind, String tableRef, String handRef, String actionRef,
                   List<Leg> legs) {
        this(idempotencyKey, kind, tableRef, handRef, actionRef, legs, null);
    }

    /** This posting, committed only while {@code lease} still stands (null: unguarded). */
    public Posting withFence(Fence lease) {
        return new Posting(idempotencyKey, kind, tableRef, handRef, actionRef, legs, lease);
    }

    /** A posting of one leg whose kind is the posting's kind, with no table references. */
    public static Posting single(String idempotencyKey, TransferKind kind, long fromAccountId, long toAccountId,
                                 Money amount) {
        return new Posting(idempotencyKey, kind, null, null, null,
                List.of(new Leg(fromAccountId, toAccountId, amount, kind)));
    }
}
