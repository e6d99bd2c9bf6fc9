package io.chipledger.server.net;

import java.util.List;
import java.util.Map;

/**
 * What an endpoint sees of a request: decoded path and query, headers it may need, the body as bytes, and the address
 * it came from (null when unknown), for limits per address.
 */
public record HttpCall(String method, String path, Map<String, List<String>> query, Map<String, String> headers, byte[] body,
                       java.net.InetAddress remoteAddress) {

    public HttpCall(String method, String path, Map<String, List<String>> query, Map<String, String> headers, byte[] body) {
        this(method, path, query, headers, body, null);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
