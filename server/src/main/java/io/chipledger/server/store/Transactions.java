package io.chipledger.server.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The store's units of work: each in a session of its own, committed whole, either now (blocking, for start-up and
 * the admin console's worker) or on the worker executor (for a table, which must never wait on a thread).
 */
final class Transactions {

    private final SqlSessionFactory database;
    private final Executor worker;

    Transactions(SqlSessionFactory database, Executor worker) {
        this.database = database;
        this.worker = worker;
    }

    /** Reads (or writes one statement) now. */
    <T> T now(Function<SqlSession, T> work) {
        try (SqlSession session = database.openSession(true)) {
            return work.apply(session);
        }
    }

    /** Writes in one transaction now: all of it commits, or none. */
    void inOne(Consumer<SqlSession> work) {
        try (SqlSession session = database.openSession(false)) {
            work.accept(session);
            session.commit();
        }
    }

    <T> CompletableFuture<T> later(Function<SqlSession, T> work) {
        return CompletableFuture.supplyAsync(() -> now(work), worker);
    }

    CompletableFuture<Void> laterInOne(Consumer<SqlSession> work) {
        return CompletableFuture.runAsync(() -> inOne(work), worker);
    }
}
