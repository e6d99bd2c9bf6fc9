package io.chipledger.ledger.postgres;

import io.chipledger.ledger.Leg;
import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult.Rejected;
import io.chipledger.ledger.RejectReason;

import java.util.Optional;

/** The checks a posting must pass before it is queued: those that need no database. */
final class PostingValidator {

    static final int MAX_LEGS = 1000;
    private static final int MAX_REF_LENGTH = 200;

    private PostingValidator() {
    }

    static Optional<Rejected> verify(Posting posting) {
        String key = posting.idempotencyKey();
        if (key.isBlank() || key.length() > Posting.MAX_KEY_LENGTH) {
            return reject(RejectReason.MALFORMED_POSTING,
                    "the idempotency key must be 1 to " + Posting.MAX_KEY_LENGTH + " characters, not blank");
        }
        if (tooLong(posting.tableRef()) || tooLong(posting.handRef()) || tooLong(posting.actionRef())) {
            return reject(RejectReason.MALFORMED_POSTING, "table, hand and action references are at most "
                    + MAX_REF_LENGTH + " characters (posting " + key + ")");
        }
        if (posting.legs().isEmpty() || posting.legs().size() > MAX_LEGS) {
            return reject(RejectReason.MALFORMED_POSTING, "posting " + key + " has " + posting.legs().size()
                    + " legs; it needs 1 to " + MAX_LEGS);
        }
        for (int i = 0; i < posting.legs().size(); i++) {
            Leg leg = posting.legs().get(i);
            if (!leg.amount().isPositive()) {
                return reject(RejectReason.NON_POSITIVE_AMOUNT, "posting " + key + " leg " + i + " moves "
                        + leg.amount() + "; an amount moved must be positive");
            }
            if (leg.fromAccountId() == leg.toAccountId()) {
                return reject(RejectReason.SAME_ACCOUNT, "posting " + key + " leg " + i + " moves " + leg.amount()
                        + " from account " + leg.fromAccountId() + " to itself");
            }
        }
        return Optional.empty();
    }

    private static boolean tooLong(String ref) {
        return ref != null && ref.length() > MAX_REF_LENGTH;
    }

    private static Optional<Rejected> reject(RejectReason reason, String message) {
        return Optional.of(new Rejected(reason, message));
    }
}
