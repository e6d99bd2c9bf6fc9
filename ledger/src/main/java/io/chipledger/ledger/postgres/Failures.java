package io.chipledger.ledger.postgres;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Classifies database failures by SQLSTATE: worth retrying, leaving a commit's outcome unknown, or the database being
 * away for now (a failover or a restart: wait for it rather than give up).
 */
final class Failures {

    /** serialization_failure, deadlock_detected, unique_violation (a key committed concurrently: the retry replays it). */
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01", "23505", "57P01", "57P02", "57P03");

    private Failures() {
    }

    static boolean retryable(Throwable failure) {
        String state = sqlState(failure);
        return state != null && (RETRYABLE.contains(state) || state.startsWith("08")) || hasIoCause(failure);
    }

    /** The connection broke, so the server may or may not have committed. */
    static boolean outcomeUnknown(Throwable failure) {
        String state = sqlState(failure);
        return state == null || state.startsWith("08") || state.startsWith("57P") || hasIoCause(failure);
    }

    /**
     * The database cannot be reached or cannot write just now: the connection broke or was refused, the server is
     * shutting down or starting, or it answers as a read-only standby (a primary being demoted). Waiting is the cure.
     */
    static boolean databaseAway(Throwable failure) {
        String state = sqlState(failure);
        if (state != null) {
            return state.startsWith("08") || state.startsWith("57P") || state.equals("25006") || hasIoCause(failure);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true; // the pool found no connection in time: no server answered
            }
        }
        return hasIoCause(failure);
    }

    static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static boolean hasIoCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
