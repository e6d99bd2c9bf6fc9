package io.chipledger.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.protocol.ProtocolJson;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The append-only log of what operators did (table {@code admin_audit_log}; the database refuses UPDATE and DELETE).
 * Every call is blocking: run it on the worker executor.
 */
public final class AdminAuditLog {

    /** What an operator asked for: {@code content} is the request without its key, to tell a resend from a reuse. */
    record Request(Operator operator, String action, String target, String reason, String key, JsonNode content) {
        Request {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(content, "content");
        }
    }

    /** A request as stored: new, or found under its key with the outcome recorded for it (null while none). */
    record Stored(long id, boolean sameRequest, AdminReply outcome) {
    }

    private final SqlSessionFactory database;
    /** The game node writing here, which carries the logged actions out; null for a server alone. */
    private final String node;

    public AdminAuditLog(SqlSessionFactory database) {
        this(database, null);
    }

    public AdminAuditLog(SqlSessionFactory database, String node) {
        this.database = database;
        this.node = node;
    }

    /** Stores the request before it takes effect; a key already stored returns that request instead. */
    Stored request(Request request) {
        try (SqlSession session = database.openSession(true)) {
            AdminMapper mapper = session.getMapper(AdminMapper.class);
            Long id = mapper.insertRequest(new AdminMapper.LogRow(request.operator().playerId(), request.operator().name(),
                    request.action(), request.target(), request.reason(), request.key(), ProtocolJson.write(request.content()),
                    "REQUESTED", null, null, null, node, request.operator().passedOnFrom()));
            if (id != null) {
                return new Stored(id, true, null);
            }
            AdminLogEntry stored = mapper.findByKey(request.key());
            boolean same = Objects.equals(stored.adminId(), request.operator().playerId())
                    && stored.action().equals(request.action())
                    && parse(stored.request()).equals(request.content());
            AdminReply outcome = "REQUESTED".equals(stored.outcome()) ? null : AdminReply.stored(stored.replyStatus(), stored.reply());
            return new Stored(stored.id(), same, outcome);
        }
    }

    /** Records the outcome of a stored request; a second outcome for the same request is ignored (the first stands). */
    void outcome(long requestId, AdminReply reply) {
        try (SqlSession session = database.openSession(true)) {
            session.getMapper(AdminMapper.class).insertOutcome(new AdminMapper.LogRow(null, null, null, null, null, null,
                    null, reply.succeeded() ? "DONE" : "REFUSED", requestId, reply.status(), ProtocolJson.write(reply.body()),
                    node, null));
        }
    }

    /** Records an action that has no key (an audit run, the command line creating an admin) as one row. */
    long entry(Operator operator, String action, String target, String reason, JsonNode content, AdminReply reply) {
        try (SqlSession session = database.openSession(true)) {
            return session.getMapper(AdminMapper.class).insertEntry(new AdminMapper.LogRow(operator.playerId(), operator.name(),
                    action, target, reason, null, ProtocolJson.write(content), reply.succeeded() ? "DONE" : "REFUSED", null,
                    reply.status(), ProtocolJson.write(reply.body()), node, operator.passedOnFrom()));
        }
    }

    /** Newest first; {@code action} null for all. */
    public List<AdminLogEntry> recent(String action, int limit) {
        try (SqlSession session = database.openSession(true)) {
            return session.getMapper(AdminMapper.class).recent(action, limit);
        }
    }

    public Optional<AdminLogEntry> last(String action) {
        return recent(action, 1).stream().findFirst();
    }

    private static JsonNode parse(String json) {
        try {
            return ProtocolJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("the audit log holds a request that is not JSON: " + json, e);
        }
    }
}
