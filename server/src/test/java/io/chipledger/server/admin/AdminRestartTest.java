package io.chipledger.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/** What operators set survives a restart: a paused table comes back paused, the admin log and the last audit remain. */
class AdminRestartTest {

    @Test
    void aPausedTableIsStillPausedAfterARestartAndTheLogRemains() throws Exception {
        String url;
        long table;
        try (TestServer before = TestServer.forThisTest().withAdmin().start()) {
            url = before.jdbcUrl();
            table = before.adminPost("/api/admin/tables/create", "{\"name\":\"Sleepy\",\"smallBlind\":\"0.50\",\"bigBlind\":\"1.00\","
                    + "\"seats\":6,\"minBuyIn\":\"20.00\",\"maxBuyIn\":\"100.00\",\"reason\":\"r\",\"idempotencyKey\":\"c1\"}")
                    .get("table").get("id").asLong();
            before.adminPost("/api/admin/table/pause", "{\"tableId\":" + table + ",\"reason\":\"dealer break\",\"idempotencyKey\":\"p1\"}");
            before.adminPost("/api/admin/audit/run", "{\"reason\":\"before the restart\"}");
        }

        try (TestServer after = TestServer.forThisTest().withAdmin().onDatabase(url).start()) {
            JsonNode tables = after.adminGet("/api/admin/tables").get("tables");
            assertThat(tables).hasSize(1);
            assertThat(tables.get(0).get("id").asLong()).isEqualTo(table);
            assertThat(tables.get(0).get("state").asText()).isEqualTo("PAUSED");
            assertThat(after.adminGet("/api/admin/dashboard").get("ledger").get("lastAudit").get("reason").asText())
                    .isEqualTo("before the restart");
            JsonNode resent = after.adminPost("/api/admin/table/pause",
                    "{\"tableId\":" + table + ",\"reason\":\"dealer break\",\"idempotencyKey\":\"p1\"}");
            assertThat(resent.get("replayed").asBoolean()).as("a key from before the restart is still known").isTrue();
        }
    }
}
