package io.chipledger.server.net;

import io.netty.handler.codec.http.HttpHeaders;

/**
 * The headers every HTTP answer carries, whatever produced it (an endpoint, a static file, a refusal): a
 * Content-Security-Policy that lets the client and the admin console load only their own scripts, styles and
 * sockets and never be framed, no content-type sniffing, and no referrer leaving the site (it could carry a hand id).
 */
final class SecurityHeaders {

    /**
     * Everything from our own origin only; no inline script or style (the pages have none: styles are set through
     * the CSSOM, which CSP allows); {@code connect-src 'self'} covers the same-origin WebSocket in CSP Level 3.
     */
    static final String CONTENT_SECURITY_POLICY = policy("");

    /**
     * The policy, letting pages also connect to {@code otherSources} (space-separated origins: the other game nodes,
     * whose sockets and route lookups a page uses when a table it follows is served there).
     */
    static String policy(String otherSources) {
        String connect = otherSources.isBlank() ? "'self'" : "'self' " + otherSources;
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src " + connect + "; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors 'none'";
    }

    private SecurityHeaders() {
    }

    static void addTo(HttpHeaders headers) {
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        // For browsers older than frame-ancestors.
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
    }
}
