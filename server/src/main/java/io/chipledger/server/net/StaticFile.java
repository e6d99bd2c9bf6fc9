package io.chipledger.server.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * One file of the web client as it is served: its bytes (and gzipped bytes, for text worth compressing), its ETag (a
 * digest of the bytes) and its Last-Modified date; and the conditional GET: 304 when the browser's copy is current.
 *
 * @param gzipped null when compressing would not pay
 */
record StaticFile(String contentType, byte[] body, byte[] gzipped, String etag, Instant lastModified) {

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
    /** Below this, gzip's header costs more than it saves. */
    private static final int GZIP_FROM_BYTES = 512;
    /** IMF-fixdate (RFC 9110, 5.6.7): the day in two digits, which RFC_1123_DATE_TIME does not write. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);
    static final String NO_CACHE = "no-cache";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    static StaticFile of(String path, byte[] body, Instant lastModified) {
        String type = contentType(path);
        boolean compressible = type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("image/svg");
        return new StaticFile(type, body, compressible && body.length >= GZIP_FROM_BYTES ? gzip(body) : null, etag(body),
                lastModified.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The media type for a file name, or null for a name of no type we serve (a folder's, among others). */
    static String contentType(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot <= slash ? null : CONTENT_TYPES.get(path.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The answer to a GET with these request headers (names in lower case). */
    HttpReply answer(Map<String, String> request, boolean immutable) {
        boolean zipped = gzipped != null && acceptsGzip(request.get("accept-encoding"));
        String tag = zipped ? etag.substring(0, etag.length() - 1) + "-gz\"" : etag;
        Map<String, String> headers = new HashMap<>();
        headers.put("ETag", tag);
        headers.put("Last-Modified", HTTP_DATE.format(lastModified.atZone(ZoneOffset.UTC)));
        headers.put("Cache-Control", immutable ? IMMUTABLE : NO_CACHE);
        if (gzipped != null) {
            headers.put("Vary", "Accept-Encoding");
        }
        if (unchanged(request)) {
            // RFC 9110, 8.6: a 304 may give Content-Length only as the length of the 200 it stands for.
            headers.put("Content-Length", String.valueOf(zipped ? gzipped.length : body.length));
            return new HttpReply(304, contentType, new byte[0], headers);
        }
        if (zipped) {
            headers.put("Content-Encoding", "gzip");
        }
        return new HttpReply(200, contentType, zipped ? gzipped : body, headers);
    }

    /**
     * Whether the browser's copy is current: any of its If-None-Match tags is this file's (in either encoding, weak or
     * strong); without If-None-Match, an If-Modified-Since no earlier than the file's date (RFC 9110, 13.1.3).
     */
    private boolean unchanged(Map<String, String> request) {
        String match = request.get("if-none-match");
        if (match != null) {
            String plain = etag.substring(1, etag.length() - 1);
            for (String candidate : match.split(",")) {
                String tag = candidate.strip();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || tag.equals("\"" + plain + "\"") || tag.equals("\"" + plain + "-gz\"")) {
                    return true;
                }
            }
            return false;
        }
        String since = request.get("if-modified-since");
        if (since == null) {
            return false;
        }
        try {
            return !lastModified.isAfter(ZonedDateTime.parse(since.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException unreadable) {
            return false;
        }
    }

    /** {@code gzip} listed in Accept-Encoding, and not refused with {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            if (name.equals("gzip") || name.equals("x-gzip")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].strip().replace(" ", "");
                    if (parameter.matches("q=0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
