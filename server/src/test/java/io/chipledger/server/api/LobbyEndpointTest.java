package io.chipledger.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chipledger.money.Money;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.protocol.ProtocolJson;
import io.chipledger.server.GameServer;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.table.TableDirectory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The lobby over real HTTP: every open table with its stakes and seats, amounts as strings. */
class LobbyEndpointTest {

    private static GameServer server;

    @BeforeAll
    static void start() throws Exception {
        server = GameServer.start(SharedPostgres.freshDatabase(), ServerSettings.forTests());
        server.tables().create(TableDirectory.plainTable("Oak", Money.parse("0.50"), Money.parse("1.00"), 6));
        server.tables().create(TableDirectory.plainTable("Birch", Money.parse("0.05"), Money.parse("0.10"), 2));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void lobbyListsEveryTableWithItsStakesAndSeatsAndAmountsAsStrings() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/lobby")).build(),
                HttpResponse.BodyHandlers.ofString());

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
