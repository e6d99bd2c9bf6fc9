package io.chipledger.server.history.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A time range of hands from the command line or a query string: {@code from} and {@code to} are UTC days
 * ({@code 2026-11-01}, both included) or ISO instants ({@code 2026-11-01T12:00:00Z}, {@code to} excluded). Either
 * may be missing.
 *
 * @param from inclusive, or null
 * @param to   exclusive, or null
 */
public record DateRange(Instant from, Instant to) {

    /** The days a range may name: PostgreSQL's timestamps end long before Instant's, so bound both ends plainly. */
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    public static DateRange parse(String from, String to) {
        Instant start = from == null || from.isBlank() ? null : instant(from, false);
        Instant end = to == null || to.isBlank() ? null : instant(to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new IllegalArgumentException("the range from " + from + " to " + to + " is empty");
        }
        return new DateRange(start, end);
    }

    private static Instant instant(String text, boolean end) {
        Instant instant;
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                instant = (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                instant = Instant.parse(text);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (2026-11-01) or instant (2026-11-01T12:00:00Z): " + shown(text));
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new IllegalArgumentException("the date " + shown(text) + " is out of range: 1970-01-01 to 9999-12-31");
        }
        return instant;
    }

    /** The text as a reader can see it: control characters (a NUL) written as \\uXXXX, and at most 40 characters. */
    private static String shown(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().limit(40).forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
