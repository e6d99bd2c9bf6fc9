package io.chipledger.server.history.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    @Test
    void daysAreUtcAndBothIncluded() {
        DateRange november = DateRange.parse("2026-11-01", "2026-11-30");
        assertThat(november.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(november.to()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void instantsAreTakenAsTheyAreAndEitherEndMayBeOpen() {
        assertThat(DateRange.parse("2026-11-01T12:00:00Z", null)).isEqualTo(new DateRange(Instant.parse("2026-11-01T12:00:00Z"), null));
        assertThat(DateRange.parse(null, "")).isEqualTo(new DateRange(null, null));
    }

    @Test
    void anEmptyOrUnreadableRangeIsRefused() {
        assertThatThrownBy(() -> DateRange.parse("2026-11-30", "2026-11-01")).hasMessageContaining("empty");
        assertThatThrownBy(() -> DateRange.parse("yesterday", null)).hasMessageContaining("not a date");
    }
}
