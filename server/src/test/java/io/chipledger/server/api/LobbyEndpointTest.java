package io.chipledger.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.money.Money;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.server.table.TableDirectory;
import io.chipledger.server.testing.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lobby over real HTTP: every open table with its stakes and seats, amounts as strings. */
class LobbyEndpointTest {

    @RegisterExtension
    static final TestServer live = TestServer.forEachTestClass();

    @BeforeAll
    static void openTables() {
        live.openTable("Oak", 6);
        live.openTable(TableDirectory.plainTable("Birch", Money.parse("0.05"), Money.parse("0.10"), 2));
    }

    @Test
    void lobbyListsEveryTableWithItsStakesAndSeatsAndAmountsAsStrings() throws Exception {
        HttpResponse<String> response = live.get("/api/lobby", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode tables = ProtocolJson.mapper().readTree(response.body()).get("tables");
        assertThat(tables).hasSize(2);
        JsonNode oak = tables.get(0);
        assertThat(oak.get("name").asText()).isEqualTo("Oak");
        assertThat(oak.get("bigBlind").isTextual()).as("money is a JSON string").isTrue();
        assertThat(oak.get("bigBlind").asText()).isEqualTo("1.00");
        assertThat(oak.get("minBuyIn").asText()).isEqualTo("20.00");
        assertThat(oak.get("maxBuyIn").asText()).isEqualTo("100.00");
        assertThat(oak.get("seats").asInt()).isEqualTo(6);
        assertThat(oak.get("seated").asInt()).isZero();
        assertThat(oak.get("players")).isEmpty();
        assertThat(oak.get("averagePot").asText()).isEqualTo("0.00");
        assertThat(tables.get(1).get("smallBlind").asText()).isEqualTo("0.05");
    }
}
