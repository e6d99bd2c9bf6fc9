package io.chipledger.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.chipledger.money.Money;
import io.chipledger.protocol.ProtocolException;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.server.net.HttpCall;
import java.io.IOException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Reads admin request bodies as strictly as the WebSocket reads frames (unknown fields, numbers for amounts, amounts
 * finer than a cent are refused, never rounded) and checks the fields every changing request carries: a reason and an
 * idempotency key.
 */
final class AdminJson {

    /** The wire's mapper (strict reading, money as strings) that also writes instants, as ISO-8601 text. */
    static final ObjectMapper MAPPER = ProtocolJson.mapper().copy()
            .registerModule(new SimpleModule("admin-instants").addSerializer(Instant.class, ToStringSerializer.instance));

    static final int MAX_REASON = 500;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private AdminJson() {
    }

    static <T> T read(HttpCall call, Class<T> type) {
        try {
            return MAPPER.readValue(call.body(), type);
        } catch (JsonProcessingException e) {
            ProtocolException amount = ProtocolJson.protocolCause(e);
            if (amount != null) {
                throw new AdminRefusal(400, amount.code().name(), amount.getMessage());
            }
            String message = e.getOriginalMessage();
            throw AdminRefusal.badRequest("malformed request: " + (message.length() > 200 ? message.substring(0, 200) + "..." : message));
        } catch (IOException e) {
            throw AdminRefusal.badRequest("unreadable request body");
        }
    }

    /**
     * The request as the audit log keeps it: every field but the idempotency key, which is stored beside it. Read back
     * from its text, as it will be from the log, so the two compare equal (a number read is an int, not a long).
     */
    static JsonNode content(Object request) {
        try {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(MAPPER.writeValueAsString(request));
            tree.remove("idempotencyKey");
            return tree;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + request, e);
        }
    }

    static String reason(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw AdminRefusal.badRequest("a reason is required: say why, for whoever reads the audit log later");
        }
        if (text.length() > MAX_REASON) {
            throw AdminRefusal.badRequest("a reason is at most " + MAX_REASON + " characters");
        }
        return text;
    }

    static String idempotencyKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw AdminRefusal.badRequest("idempotencyKey is required: 1 to 100 letters, digits or . _ : - "
                    + "(the same key sent twice is carried out once)");
        }
        return key;
    }

    static Money positive(Money amount) {
        if (amount == null) {
            throw new AdminRefusal(400, "BAD_AMOUNT", "amount is required, as a string such as \"12.50\"");
        }
        if (!amount.isPositive()) {
            throw new AdminRefusal(400, "BAD_AMOUNT", "the amount must be more than 0.00, was " + amount);
        }
        return amount;
    }

    static long id(Long id, String field) {
        if (id == null || id < 1) {
            throw AdminRefusal.badRequest(field + " is required: a positive whole number");
        }
        return id;
    }

    /** A positive id from the query string ({@code ?id=3}). */
    static long queryId(HttpCall call, String name) {
        String text = call.queryParam(name);
        try {
            long id = Long.parseLong(text == null ? "" : text);
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw AdminRefusal.badRequest("query parameter " + name + " must be a positive whole number");
    }
}
