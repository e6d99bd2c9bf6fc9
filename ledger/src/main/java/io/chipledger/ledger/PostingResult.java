package io.chipledger.ledger;

import java.util.List;

/** The outcome of {@link Ledger#post(Posting)}. */
public sealed interface PostingResult {

    /** True when the chips moved, now or by an earlier posting of the same key and content. */
    default boolean accepted() {
        return !(this instanceof Rejected);
    }

    /** The transfers the posting made, in leg order: now or by the earlier posting of the same key; none when refused. */
    List<Long> transferIds();

    /** The posting committed now; transfer ids are in leg order. */
    record Committed(long postingId, List<Long> transferIds) implements PostingResult {
        public Committed {
            transferIds = List.copyOf(transferIds);
        }
    }

    /** The same key and content had already committed: this is its original outcome, and nothing moved again. */
    record Replayed(long postingId, List<Long> transferIds) implements PostingResult {
        public Replayed {
            transferIds = List.copyOf(transferIds);
        }
    }

    /** Nothing moved. {@code message} says why in words a player or operator can act on. */
    record Rejected(RejectReason reason, String message) implements PostingResult {
        @Override
        public List<Long> transferIds() {
            return List.of();
        }
    }
}
