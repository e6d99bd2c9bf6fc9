package io.chipledger.server.cluster;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who a game node is among the nodes sharing one database: its name (the holder of its table leases, and what its log
 * lines carry) and the URL players reach it at ({@code http://host:port}, no path).
 */
public record NodeIdentity(String name, URI advertise) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,59}");

    public NodeIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(advertise, "advertise");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a node name is 1 to 60 letters, digits, '.', '_' or '-' (first a letter"
                    + " or digit), was '" + name + "'");
        }
        String scheme = advertise.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || advertise.getHost() == null
                || !(advertise.getPath() == null || advertise.getPath().isEmpty() || "/".equals(advertise.getPath()))) {
            throw new IllegalArgumentException("a node's advertised URL is http(s)://HOST:PORT, was " + advertise);
        }
    }

    /** Parses the command line's values. */
    public static NodeIdentity of(String name, String advertise) {
        return new NodeIdentity(name, URI.create(advertise.endsWith("/") ? advertise.substring(0, advertise.length() - 1)
                : advertise));
    }

    /** The URL as players are told it, with no trailing slash. */
    public String url() {
        String text = advertise.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
