package io.chipledger.server.net;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What a request may not carry into the server: control characters (a NUL above all, which PostgreSQL refuses in
 * text) in its path or query, and, caught after the fact, any value the database refused as data (SQLSTATE class
 * 22: out-of-range dates, invalid text). Both are the client's mistake, answered 400 with a reason, never 500.
 */
final class HttpInput {

    private HttpInput() {
    }

    /** Why the path or query cannot be used, or null when it can. */
    static String problemWith(String path, Map<String, List<String>> query) {
        if (hasControl(path)) {
            return "the path holds a control character";
        }
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (hasControl(parameter.getKey())) {
                return "a query parameter's name holds a control character";
            }
            for (String value : parameter.getValue()) {
                if (hasControl(value)) {
                    return "query parameter " + parameter.getKey() + " holds a control character (a NUL byte?)";
                }
            }
        }
        return null;
    }

    /** The database's refusal of a value, when that is what failed: the request's fault, not the server's. */
    static String dataRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return "the database cannot hold a value of this request (SQLSTATE " + sql.getSQLState() + ")";
            }
        }
        return null;
    }

    /** Whether the failure is the database being out of reach (no connection, or one lost): answered 503, not 500. */
    static boolean databaseAway(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
