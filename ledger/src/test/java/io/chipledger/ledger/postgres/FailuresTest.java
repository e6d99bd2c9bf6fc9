package io.chipledger.ledger.postgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.EOFException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"40001", "40P01", "23505", "57P01", "08006", "08003"})
    void serializationFailuresDeadlocksKeyRacesAndBrokenConnectionsAreRetried(String sqlState) {
        assertThat(Failures.retryable(wrapped(sqlState))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23514", "22P02", "42601", "57014"})
    void aBrokenRuleOrABadStatementIsNotRetried(String sqlState) {
        assertThat(Failures.retryable(wrapped(sqlState))).isFalse();
        assertThat(Failures.outcomeUnknown(wrapped(sqlState))).isFalse();
    }

    @Test
    void onlyALostConnectionLeavesTheOutcomeUnknown() {
        assertThat(Failures.outcomeUnknown(wrapped("08006"))).isTrue();
        assertThat(Failures.outcomeUnknown(new RuntimeException(new EOFException("reset")))).isTrue();
        assertThat(Failures.outcomeUnknown(wrapped("40P01"))).isFalse();
        assertThat(Failures.outcomeUnknown(wrapped("23505"))).isFalse();
    }

    /** As MyBatis hands them over: the driver's SQLException inside a runtime exception. */
    private static RuntimeException wrapped(String sqlState) {
        return new RuntimeException("failed", new SQLException("from the server", sqlState));
    }
}
