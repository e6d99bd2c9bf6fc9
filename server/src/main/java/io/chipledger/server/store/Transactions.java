package io.chipledger.server.store;

import io.chipledger.ledger.Fence;
import io.chipledger.ledger.db.CommitWatch;
import io.chipledger.ledger.lease.FenceGuard;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The store's units of work: each in a session of its own, committed whole, either now (blocking, for start-up and
 * the admin console's worker) or on the worker executor (for a table, which must never wait on a thread). With a
 * fence (one table of a game node), every write runs in a transaction that first checks the table's lease still
 * stands at the fence's epoch ({@link FenceGuard}, the lease row read FOR SHARE until the commit).
 */
final class Transactions {

    private final SqlSessionFactory database;
    private final Executor worker;
    private final Fence fence;
    private final CommitWatch commits;

    Transactions(SqlSessionFactory database, Executor worker) {
        this(database, worker, new CommitWatch());
    }

    /** @param commits told of each write on the worker while it is in flight; it only watches, never cuts one short */
    Transactions(SqlSessionFactory database, Executor worker, CommitWatch commits) {
        this(database, worker, null, commits);
    }

    private Transactions(SqlSessionFactory database, Executor worker, Fence fence, CommitWatch commits) {
        this.database = database;
        this.worker = worker;
        this.fence = fence;
        this.commits = commits;
    }

    /** The same units of work, each write checked against {@code writesUnder} first. */
    Transactions fencedBy(Fence writesUnder) {
        return new Transactions(database, worker, writesUnder, commits);
    }

    /** Reads (or writes one statement) now. */
    <T> T now(Function<SqlSession, T> work) {
        try (SqlSession session = database.openSession(true)) {
            return work.apply(session);
        }
    }

    /** Writes in one transaction now: all of it commits, or none. */
    void inOne(Consumer<SqlSession> work) {
        written(session -> {
            work.accept(session);
            return null;
        });
    }

    /** Writes (one statement or more) on the worker, in one transaction, fenced if these transactions are. */
    <T> CompletableFuture<T> later(Function<SqlSession, T> work) {
        return CompletableFuture.supplyAsync(() -> {
            // A table waits on this write: one that waits for a missing standby must be seen (never cancelled).
            try (CommitWatch.Commit watched = commits.started()) {
                return fence == null ? now(work) : written(work);
            }
        }, worker);
    }

    private <T> T written(Function<SqlSession, T> work) {
        try (SqlSession session = database.openSession(false)) {
            FenceGuard.check(session, fence);
            T result = work.apply(session);
            session.commit();
            return result;
        }
    }

    CompletableFuture<Void> laterInOne(Consumer<SqlSession> work) {
        return CompletableFuture.runAsync(() -> {
            try (CommitWatch.Commit watched = commits.started()) {
                inOne(work);
            }
        }, worker);
    }
}
