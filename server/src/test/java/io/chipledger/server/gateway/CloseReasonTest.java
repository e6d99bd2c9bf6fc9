package io.chipledger.server.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reason a socket is closed with fits a WebSocket close frame (123 bytes of UTF-8), cut on a whole character. */
class CloseReasonTest {

    @Test
    void aShortReasonIsSentWhole() {
        assertThat(SessionSockets.fitted("account frozen by an operator: chargeback"))
                .isEqualTo("account frozen by an operator: chargeback");
    }

    @Test
    void aLongReasonIsCutToFitAndSaysItWasCut() {
        String reason = "account frozen by an operator: " + "é".repeat(100);
        String fitted = SessionSockets.fitted(reason);

        assertThat(fitted.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(123);
        assertThat(fitted).startsWith("account frozen by an operator: éé").endsWith("é…");
        assertThat(reason).startsWith(fitted.substring(0, fitted.length() - 1));
    }
}
