package io.chipledger.ledger.postgres;

import io.chipledger.ledger.mapper.IdBlock;

import java.util.Arrays;
import java.util.List;

/**
 * The connection broke while a batch was being written and committed: the server may have committed it or not, and
 * only a look at the keys on the server that now takes writes (after a failover, the promoted standby) can tell. Never
 * applied again blindly: {@link BatchTransaction#resolve} decides.
 */
final class LostCommit extends RuntimeException {

    final transient JournalBatch journal;
    final transient IdBlock taken;

    LostCommit(JournalBatch journal, IdBlock taken, Throwable cause) {
        super("the connection broke while a batch of " + journal.accepted.size() + " postings committed", cause);
        this.journal = journal;
        this.taken = taken;
    }

    /** The posting ids the lost write used: a later lookup that finds a key under one of them found our own commit. */
    List<Long> postingIds() {
        return Arrays.asList(taken.postingIds());
    }
}
