package io.chipledger.ledger.postgres;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/** Classifies database failures by SQLSTATE: worth retrying, or leaving a commit's outcome unknown. */
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
