package io.chipledger.ledger.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL schema that holds the ledger's and the server's tables, {@value #NAME}, so a database may hold other
 * applications' tables beside ours. Versions before it kept everything in {@code public}; {@link #adoptEarlierLayout}
 * moves such a database into the schema once, in one transaction, before Flyway looks at it.
 */
public final class LedgerSchema {

    public static final String NAME = "chipledger";

    private static final Logger LOG = LoggerFactory.getLogger(LedgerSchema.class);
    /** Serializes two processes opening the same earlier database at once (any constant, ours alone). */
    private static final long MOVE_LOCK = 0x6368_6970_6c65_6467L;
    /** The script every ledger's Flyway history starts with: how we know a {@code public} history is ours. */
    private static final String FIRST_LEDGER_SCRIPT = "V1__create_ledger.sql";

    private LedgerSchema() {
    }

    /**
     * Moves a database an earlier version set up in {@code public} into {@value #NAME}: its tables (with their
     * indexes, constraints, triggers and identity sequences), its other sequences, views and functions, and both Flyway
     * histories, so the migrations carry on where they were and no landed migration changes. Nothing happens when
     * {@value #NAME} exists already, or when {@code public} holds no ledger history of ours (a new database, or one
     * where only other applications' tables live). Everything in {@code public} that belongs to no extension moves:
     * those versions refused to start unless {@code public} was empty, so what is there is theirs.
     *
     * @return how many objects moved (0 when there was nothing to do)
     */
    public static int adoptEarlierLayout(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                int moved = adoptEarlierLayout(c);
                c.commit();
                if (moved > 0) {
                    LOG.info("moved {} database objects of an earlier version from schema public into schema {}", moved, NAME);
                }
                return moved;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not move the ledger from schema public into " + NAME + ": " + e.getMessage(), e);
        }
    }

    private static int adoptEarlierLayout(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + MOVE_LOCK + ")");
        }
        if (exists(c, "SELECT 1 FROM pg_namespace WHERE nspname = ?", NAME) || !earlierLedgerInPublic(c)) {
            return 0;
        }
        List<String> moves = new ArrayList<>();
        // Tables, views and sequences no column owns (identity and serial sequences move with their table).
        try (PreparedStatement q = c.prepareStatement("""
                SELECT k.relkind, quote_ident(k.relname)
                  FROM pg_class k
                 WHERE k.relnamespace = 'public'::regnamespace
                   AND k.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                   AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                    WHERE d.classid = 'pg_class'::regclass AND d.objid = k.oid
                                      AND d.deptype IN ('a', 'i', 'e'))
                 ORDER BY k.relname""");
             ResultSet r = q.executeQuery()) {
            while (r.next()) {
                String kind = switch (r.getString(1)) {
                    case "v" -> "VIEW";
                    case "m" -> "MATERIALIZED VIEW";
                    case "S" -> "SEQUENCE";
                    case "f" -> "FOREIGN TABLE";
                    default -> "TABLE";
                };
                moves.add("ALTER " + kind + " public." + r.getString(2) + " SET SCHEMA " + NAME);
            }
        }
        // Functions and procedures (the append-only triggers' functions), with their argument types.
        try (PreparedStatement q = c.prepareStatement("""
                SELECT CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
                       p.oid::regprocedure::text
                  FROM pg_proc p
                 WHERE p.pronamespace = 'public'::regnamespace
                   AND NOT EXISTS (SELECT 1 FROM pg_depend d
                                    WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
                 ORDER BY 2""");
             ResultSet r = q.executeQuery()) {
            while (r.next()) {
                String signature = r.getString(2);
                moves.add("ALTER " + r.getString(1) + " " + (signature.startsWith("public.") ? "" : "public.") + signature
                        + " SET SCHEMA " + NAME);
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + NAME);
            for (String move : moves) {
                LOG.debug("{}", move);
                s.execute(move);
            }
        }
        return moves.size();
    }

    /** Whether {@code public} holds the Flyway history of our ledger (not some other application's). */
    private static boolean earlierLedgerInPublic(Connection c) throws SQLException {
        if (!exists(c, "SELECT 1 FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relname = ?",
                "flyway_schema_history")) {
            return false;
        }
        return exists(c, "SELECT 1 FROM public.flyway_schema_history WHERE script = ? AND success", FIRST_LEDGER_SCRIPT);
    }

    private static boolean exists(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, parameter);
            try (ResultSet r = q.executeQuery()) {
                return r.next();
            }
        }
    }
}
