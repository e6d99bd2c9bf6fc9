package io.chipledger.server.history.export;

import java.io.Writer;
import java.util.Locale;

/** The formats hands are exported in, with the file extension and media type of each. */
public enum ExportFormat {
    /** PokerStars hand-history text, which tracking tools import. */
    POKERSTARS("txt", "text/plain; charset=utf-8"),
    /** Poker Hand History (TOML), which {@code poker-server replay} and pokerkit read. */
    PHH("phhs", "application/toml; charset=utf-8"),
    /** The full record, documented in docs/hand-history-json.md. */
    JSON("json", "application/json; charset=utf-8");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * A writer of this format into {@code out}.
     *
     * @param heroPlayerId the player exporting their own hands (PokerStars writes {@code Dealt to} for them alone), or
     *                     null for an administrator's export with every card
     */
    public HandHistoryWriter writer(Writer out, Long heroPlayerId) {
        return switch (this) {
            case POKERSTARS -> new PokerStarsWriter(out, heroPlayerId);
            case PHH -> new PhhWriter(out);
            case JSON -> new JsonHistoryWriter(out);
        };
    }

    /** Parses {@code pokerstars}, {@code phh} or {@code json}, in any case. */
    public static ExportFormat parse(String name) {
        if (name != null) {
            for (ExportFormat format : values()) {
                if (format.name().equals(name.toUpperCase(Locale.ROOT))) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException("the format is pokerstars, phh or json, not " + name);
    }
}
