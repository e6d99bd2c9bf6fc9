package io.chipledger.server.metrics;

/**
 * Who may read {@code /metrics}: anyone who reaches the main port (the default), only callers that send
 * {@code Authorization: Bearer <token>}, and/or only on a listener of its own ({@code host:port}, e.g. loopback or a
 * private interface), in which case the main port does not serve it at all.
 *
 * @param token a bearer token the scrape must send, or null
 * @param host  the address of a listener of its own for {@code /metrics}, or null to serve it on the main port
 * @param port  that listener's port (0: any free one)
 */
public record MetricsAccess(String token, String host, int port) {

    public static MetricsAccess open() {
        return new MetricsAccess(null, null, 0);
    }

    public boolean ownListener() {
        return host != null;
    }
}
