package io.chipledger.server.net;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The web client's files, read from the classpath folder {@code web/} (the {@code web-client} module) and kept in
 * memory after the first read. Reading a resource may touch the disk, so loads run on the given executor, never on an
 * event loop.
 */
public final class StaticFiles {

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final String root;
    private final AsyncLoadingCache<String, Optional<HttpReply>> cache;

    public StaticFiles(String classpathRoot, Executor loader) {
        this.root = classpathRoot.endsWith("/") ? classpathRoot : classpathRoot + "/";
        this.cache = Caffeine.newBuilder().maximumSize(1_000).executor(loader).buildAsync(this::read);
    }

    /** The file for a request path, or empty when there is none (or the path tries to leave the web root). */
    public CompletableFuture<Optional<HttpReply>> find(String requestPath) {
        String relative = relativePath(requestPath);
        if (relative == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return cache.get(relative);
    }

    /** Maps {@code /} and folder paths to {@code index.html}; refuses anything that could escape the root. */
    static String relativePath(String requestPath) {
        if (requestPath == null || !requestPath.startsWith("/") || requestPath.contains("\\")
                || requestPath.contains("..") || requestPath.contains("//") || requestPath.indexOf('\0') >= 0) {
            return null;
        }
        String relative = requestPath.substring(1);
        if (relative.isEmpty() || relative.endsWith("/")) {
            relative = relative + "index.html";
        }
        return relative;
    }

    private Optional<HttpReply> read(String relative) {
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(root + relative)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] body = in.readAllBytes();
            return Optional.of(new HttpReply(200, contentType(relative), body, Map.of("Cache-Control", "no-cache")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String path) {
        int dot = path.lastIndexOf('.');
        String extension = dot < 0 ? "" : path.substring(dot + 1);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
