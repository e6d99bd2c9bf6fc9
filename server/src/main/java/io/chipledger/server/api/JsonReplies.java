package io.chipledger.server.api;

import io.chipledger.protocol.ProtocolJson;
import io.chipledger.server.account.PlayerDirectory;
import io.chipledger.server.net.HttpCall;
import io.chipledger.server.net.HttpReply;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes REST endpoints answer with; errors carry a code like the WebSocket's. */
final class JsonReplies {

    private JsonReplies() {
    }

    static HttpReply error(int status, String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return HttpReply.json(status, ProtocolJson.write(Map.of("error", body)));
    }

    static HttpReply login(int status, PlayerDirectory.Login login) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("player", login.player().name());
        body.put("role", login.player().role().name());
        body.put("token", login.token());
        body.put("expiresAt", login.expiresAt().toString());
        return HttpReply.json(status, ProtocolJson.write(body));
    }

    /** A new player's first session, and the play money they were given (none beyond the address's allowance). */
    static HttpReply registered(PlayerDirectory.Login login, boolean granted) {
        HttpReply reply = login(201, login);
        try {
            com.fasterxml.jackson.databind.node.ObjectNode body =
                    (com.fasterxml.jackson.databind.node.ObjectNode) ProtocolJson.mapper().readTree(reply.body());
            body.put("welcomeGranted", granted);
            return HttpReply.json(201, ProtocolJson.write(body));
        } catch (java.io.IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The token of an {@code Authorization: Bearer} header, or null. */
    static String bearerToken(HttpCall call) {
        String header = call.header("authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
