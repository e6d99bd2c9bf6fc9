package io.chipledger.ledger.postgres;

import io.chipledger.ledger.Posting;
import io.chipledger.ledger.PostingResult;

import java.util.concurrent.CompletableFuture;

/** A posting waiting in a writer's queue, with the future its caller holds. */
record Pending(Posting posting, String contentHash, CompletableFuture<PostingResult> future) {

    static Pending of(Posting posting) {
        return new Pending(posting, ContentHash.of(posting), new CompletableFuture<>());
    }

    String key() {
        return posting.idempotencyKey();
    }
}
