package io.chipledger.server.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The version of the web client this server carries: a digest of every file under the web root, so any changed file
 * changes it, and two servers built alike agree on it. Pages link their scripts, styles and images under
 * {@code /v/<version>/}, so a browser may keep them for a year and still never run a stale one; modules import each
 * other by relative paths, which resolve under the same prefix.
 */
final class WebVersion {

    /** A src or href naming one of our files by path (no scheme, no query): {@code src="app.js"}, {@code href="/css/a.css"}. */
    private static final Pattern ASSET_LINK = Pattern.compile(
            "\\b(src|href)=\"(?!//)([^\":?#]+\\.(?:js|mjs|css|svg|png|ico|woff2))\"");

    private final String id;

    private WebVersion(String id) {
        this.id = id;
    }

    static WebVersion of(String root) {
        TreeMap<String, byte[]> digests = new TreeMap<>();
        try {
            Enumeration<URL> roots = WebVersion.class.getClassLoader().getResources(root);
            for (URL url : Collections.list(roots)) {
                collect(url, root, digests);
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read the web client's files under " + root + ": " + e.getMessage(), e);
        }
        MessageDigest all = sha256();
        digests.forEach((path, digest) -> {
            all.update(path.getBytes(StandardCharsets.UTF_8));
            all.update(digest);
        });
        return new WebVersion(Base64.getUrlEncoder().withoutPadding().encodeToString(all.digest()).substring(0, 12));
    }

    String id() {
        return id;
    }

    /** The page with every link to one of our files moved under {@code /v/<version>/}, resolved from the page's folder. */
    byte[] linkAssets(String pagePath, byte[] page) {
        String folder = "/" + pagePath.substring(0, pagePath.lastIndexOf('/') + 1);
        Matcher link = ASSET_LINK.matcher(new String(page, StandardCharsets.UTF_8));
        StringBuilder linked = new StringBuilder();
        while (link.find()) {
            String target = link.group(2);
            String absolute = target.startsWith("/") ? target : folder + target;
            link.appendReplacement(linked, Matcher.quoteReplacement(
                    link.group(1) + "=\"" + StaticFiles.VERSIONED + id + normalize(absolute) + "\""));
        }
        link.appendTail(linked);
        return linked.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Resolves {@code ./} and {@code ../} segments, never above the root. */
    private static String normalize(String path) {
        java.util.ArrayDeque<String> segments = new java.util.ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments);
    }

    private static void collect(URL url, String root, TreeMap<String, byte[]> digests) throws IOException, URISyntaxException {
        if (url.getProtocol().equals("file")) {
            Path base = Path.of(url.toURI());
            try (Stream<Path> files = Files.walk(base)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    digests.put(base.relativize(file).toString().replace('\\', '/'), sha256().digest(Files.readAllBytes(file)));
                }
            }
        } else if (url.openConnection() instanceof JarURLConnection connection) {
            JarFile jar = connection.getJarFile();
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.isDirectory() && entry.getName().startsWith(root)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        digests.put(entry.getName().substring(root.length()), sha256().digest(in.readAllBytes()));
                    }
                }
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("SHA-256 is part of every JVM", e));
        }
    }
}
