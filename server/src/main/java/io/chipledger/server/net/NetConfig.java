package io.chipledger.server.net;

import java.nio.file.Path;
import java.util.Set;

/**
 * Limits and options of the network layer.
 *
 * @param allowedOrigins    origins allowed to open the WebSocket (e.g. {@code https://poker.example}); empty means
 *                          "same host as the request", which is what a browser loading our own page sends
 * @param maxFrameBytes     largest WebSocket frame accepted; larger ones close the connection
 * @param idleSeconds       a connection that sends nothing (not even a ping) for this long is closed
 * @param tlsCertificate    PEM certificate chain for TLS, or null for plain HTTP
 * @param tlsPrivateKey     PEM private key (PKCS#8) for TLS, or null
 * @param limits            connections per address and in all, and the deadlines of HTTP requests
 */
public record NetConfig(Set<String> allowedOrigins, int maxFrameBytes, int idleSeconds, int messagesPerSecond,
                        int messageBurst, Path tlsCertificate, Path tlsPrivateKey, ConnectionLimits limits) {

    public NetConfig(Set<String> allowedOrigins, int maxFrameBytes, int idleSeconds, int messagesPerSecond,
                     int messageBurst, Path tlsCertificate, Path tlsPrivateKey) {
        this(allowedOrigins, maxFrameBytes, idleSeconds, messagesPerSecond, messageBurst, tlsCertificate, tlsPrivateKey,
                ConnectionLimits.defaults());
    }

    public static NetConfig defaults() {
        return new NetConfig(Set.of(), 16 * 1024, 120, 20, 40, null, null);
    }

    public NetConfig withLimits(ConnectionLimits newLimits) {
        return new NetConfig(allowedOrigins, maxFrameBytes, idleSeconds, messagesPerSecond, messageBurst, tlsCertificate,
                tlsPrivateKey, newLimits);
    }

    public boolean tls() {
        return tlsCertificate != null;
    }
}
