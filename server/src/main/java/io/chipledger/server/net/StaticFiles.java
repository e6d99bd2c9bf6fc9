package io.chipledger.server.net;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The web client's files, read from the classpath folder {@code web/} (the {@code web-client} module) and kept in
 * memory, gzipped too, after the first read. Every file has an ETag and a Last-Modified date and is answered 304 when
 * the browser's copy is current. Pages link their scripts and styles under {@code /v/<version>/} (see {@link WebVersion}),
 * which may be cached for a year since a changed file changes the version; anything else is revalidated on each use.
 * Only files are served: a folder ({@code /js}) is not found. Reading a resource may touch the disk, so loads run on
 * the given executor, never on an event loop.
 */
public final class StaticFiles {

    /** The prefix of versioned paths: {@code /v/<version>/js/main.js} is {@code /js/main.js} of that version. */
    static final String VERSIONED = "/v/";

    private final String root;
    private final WebVersion version;
    private final Instant started = Instant.now();
    private final AsyncLoadingCache<String, Optional<StaticFile>> cache;

    public StaticFiles(String classpathRoot, Executor loader) {
        this.root = classpathRoot.endsWith("/") ? classpathRoot : classpathRoot + "/";
        this.version = WebVersion.of(root);
        this.cache = Caffeine.newBuilder().maximumSize(1_000).executor(loader).buildAsync(this::read);
    }

    /** The version in this server's asset links: a digest of every file under the web root. */
    public String version() {
        return version.id();
    }

    /** The file for a request path, as a request without conditions or encodings gets it. */
    public CompletableFuture<Optional<HttpReply>> find(String requestPath) {
        return find(requestPath, Map.of());
    }

    /**
     * The answer for a GET of {@code requestPath}: the file (gzipped if {@code accept-encoding} allows), 304 when
     * {@code if-none-match} or {@code if-modified-since} says the browser's copy is current, or empty when there is no
     * such file (or the path tries to leave the web root).
     *
     * @param headers the request's headers, names in lower case
     */
    public CompletableFuture<Optional<HttpReply>> find(String requestPath, Map<String, String> headers) {
        boolean versioned = requestPath != null && requestPath.startsWith(VERSIONED);
        String path = requestPath;
        boolean current = false;
        if (versioned) {
            int end = requestPath.indexOf('/', VERSIONED.length());
            if (end < 0) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            // An old version's link still gets today's file, only without the promise that it never changes.
            current = requestPath.substring(VERSIONED.length(), end).equals(version.id());
            path = requestPath.substring(end);
        }
        String relative = relativePath(path);
        if (relative == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        boolean immutable = current;
        return cache.get(relative).thenApply(file -> file.map(f -> f.answer(headers, immutable)));
    }

    /**
     * Maps {@code /} and paths ending in {@code /} to their {@code index.html}; refuses anything that could escape the
     * root, and anything that names no file of a known type (a folder such as {@code /js} among them).
     */
    static String relativePath(String requestPath) {
        if (requestPath == null || !requestPath.startsWith("/") || requestPath.contains("\\")
                || requestPath.contains("..") || requestPath.contains("//") || requestPath.indexOf('\0') >= 0) {
            return null;
        }
        String relative = requestPath.substring(1);
        if (relative.isEmpty() || relative.endsWith("/")) {
            relative = relative + "index.html";
        }
        return StaticFile.contentType(relative) == null ? null : relative;
    }

    private Optional<StaticFile> read(String relative) {
        URL resource = StaticFiles.class.getClassLoader().getResource(root + relative);
        if (resource == null || isFolder(resource)) {
            return Optional.empty();
        }
        try {
            URLConnection connection = resource.openConnection();
            long modified = connection.getLastModified();
            byte[] body;
            try (InputStream in = connection.getInputStream()) {
                body = in.readAllBytes();
            }
            if (relative.endsWith(".html")) {
                body = version.linkAssets(relative, body);
            }
            return Optional.of(StaticFile.of(relative, body, modified > 0 ? Instant.ofEpochMilli(modified) : started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder, which reads as a listing from the disk and as nothing from a jar: neither is a file to serve. */
    private static boolean isFolder(URL resource) {
        try {
            return resource.getProtocol().equals("file") ? Files.isDirectory(Path.of(resource.toURI()))
                    : resource.getPath().endsWith("/") || resource.openConnection() instanceof JarURLConnection jar
                    && jar.getJarEntry() != null && jar.getJarEntry().isDirectory();
        } catch (IOException | URISyntaxException e) {
            return false;
        }
    }
}
