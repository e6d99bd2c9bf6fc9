package io.chipledger.server.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chipledger.server.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin audit log is append-only in the database itself, as the ledger journal is. */
class AdminAuditLogTest {

    @RegisterExtension
    static final TestServer fixture = TestServer.forEachTestClass().withAdmin();

    @BeforeAll
    static void start() throws Exception {
        fixture.token("alice");
        fixture.adminPost("/api/admin/player/deposit", "{\"playerId\":" + fixture.playerId("alice")
                + ",\"amount\":\"5.00\",\"reason\":\"goodwill\",\"idempotencyKey\":\"k1\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE admin_audit_log SET reason = 'nothing to see'",
            "UPDATE admin_audit_log SET admin_name = 'someone else' WHERE action = 'DEPOSIT'",
            "DELETE FROM admin_audit_log WHERE action = 'DEPOSIT'",
            "TRUNCATE admin_audit_log"})
    void theDatabaseRefusesToRewriteWhatOperatorsDid(String sql) {
        var before = fixture.rows("SELECT id, admin_name, action, reason, outcome FROM admin_audit_log ORDER BY id");

        assertThatThrownBy(() -> fixture.execute(sql))
                .hasMessageContaining("the admin audit log is append-only")
                .hasMessageContaining("is refused");

        assertThat(fixture.rows("SELECT id, admin_name, action, reason, outcome FROM admin_audit_log ORDER BY id"))
                .isEqualTo(before)
                .anyMatch(row -> row.contains("|DEPOSIT|goodwill|DONE"));
    }
}
