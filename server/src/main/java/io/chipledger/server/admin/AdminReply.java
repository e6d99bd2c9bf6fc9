package io.chipledger.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.server.net.HttpReply;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An admin endpoint's answer: an HTTP status and a JSON object. Errors have the shape of every other REST error,
 * {@code {"error":{"code":...,"message":...}}}. Money inside is written by the wire's rules (strings, two decimals).
 */
record AdminReply(int status, ObjectNode body) {

    static AdminReply ok(Object body) {
        return of(200, body);
    }

    static AdminReply of(int status, Object body) {
        JsonNode tree = AdminJson.MAPPER.valueToTree(body);
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("an admin reply is a JSON object, not " + tree.getNodeType());
        }
        return new AdminReply(status, object);
    }

    static AdminReply error(int status, String code, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return of(status, Map.of("error", error));
    }

    /** Read back from the audit log. */
    static AdminReply stored(int status, String json) {
        try {
            return new AdminReply(status, (ObjectNode) AdminJson.MAPPER.readTree(json));
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("the audit log holds a reply that is not a JSON object: " + json, e);
        }
    }

    boolean succeeded() {
        return status / 100 == 2;
    }

    /** The same answer, marked as an answer to a request that was already carried out (nothing happened again). */
    AdminReply replayed() {
        ObjectNode copy = body.deepCopy();
        copy.put("replayed", true);
        return new AdminReply(status, copy);
    }

    HttpReply toHttp() {
        return HttpReply.json(status, ProtocolJson.write(body));
    }
}
