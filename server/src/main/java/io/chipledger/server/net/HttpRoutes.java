package io.chipledger.server.net;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which endpoint answers which {@code METHOD /path}. Endpoints that do not match fall through to the static web client.
 * Built once at start-up, read-only afterwards, so event loops share it without locking.
 */
public final class HttpRoutes {

    private final Map<String, HttpEndpoint> endpoints = new HashMap<>();
    private final StaticFiles staticFiles;

    public HttpRoutes(StaticFiles staticFiles) {
        this.staticFiles = staticFiles;
    }

    public HttpRoutes get(String path, HttpEndpoint endpoint) {
        return add("GET", path, endpoint);
    }

    public HttpRoutes post(String path, HttpEndpoint endpoint) {
        return add("POST", path, endpoint);
    }

    private HttpRoutes add(String method, String path, HttpEndpoint endpoint) {
        if (endpoints.putIfAbsent(method + " " + path, endpoint) != null) {
            throw new IllegalStateException("route defined twice: " + method + " " + path);
        }
        return this;
    }

    Optional<HttpEndpoint> find(String method, String path) {
        return Optional.ofNullable(endpoints.get(method + " " + path));
    }

    StaticFiles staticFiles() {
        return staticFiles;
    }
}
