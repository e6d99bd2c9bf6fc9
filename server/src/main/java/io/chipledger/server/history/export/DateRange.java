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

    public static DateRange parse(String from, String to) {
        Instant start = from == null || from.isBlank() ? null : instant(from, false);
        Instant end = to == null || to.isBlank() ? null : instant(to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new IllegalArgumentException("the range from " + from + " to " + to + " is empty");
        }
        return new DateRange(start, end);
    }

    private static Instant instant(String text, boolean end) {
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (2026-11-01) or instant (2026-11-01T12:00:00Z): " + text);
        }
    }
}
