package io.chipledger.server.net;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An endpoint's answer: status, content type, body bytes and any extra headers. */
public record HttpReply(int status, String contentType, byte[] body, Map<String, String> headers) {

    public static HttpReply json(int status, String json) {
        return new HttpReply(status, "application/json; charset=utf-8", json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static HttpReply text(int status, String text) {
        return new HttpReply(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8), Map.of());
    }
}
