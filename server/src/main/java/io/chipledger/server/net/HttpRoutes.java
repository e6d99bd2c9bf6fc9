package io.chipledger.server.net;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which endpoint answers which {@code METHOD /path}. Endpoints that do not match fall through to the static web client.
 * Built once at start-up, read-only afterwards, so event loops share it without locking.
 */
public final class HttpRoutes {

    private final Map<String, HttpEndpoint> endpoints = new HashMap<>();
    private final StaticFiles staticFiles;
    private volatile Supplier<String> connectSources = () -> "";

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

    /**
     * Other origins the web client's pages may connect to, space-separated (a game node's peers, where the tables a
     * page follows may be served), read each time a page is served; never blocks.
     */
    public HttpRoutes connectTo(Supplier<String> sources) {
        this.connectSources = sources;
        return this;
    }

    /** A static file as served: with the content security policy that lets the page reach those origins too. */
    HttpReply served(HttpReply file) {
        String others = connectSources.get();
        if (others.isBlank()) {
            return file;
        }
        Map<String, String> headers = new HashMap<>(file.headers());
        headers.put("Content-Security-Policy", SecurityHeaders.policy(others));
        return new HttpReply(file.status(), file.contentType(), file.body(), headers);
    }

    Optional<HttpEndpoint> find(String method, String path) {
        return Optional.ofNullable(endpoints.get(method + " " + path));
    }

    StaticFiles staticFiles() {
        return staticFiles;
    }
}
