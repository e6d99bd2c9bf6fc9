package io.chipledger.server.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.money.Money;
import io.chipledger.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bot account sits at no more tables than the fleet allows: each wallet message goes to every connection of its
 * player, so a few accounts spread over thousands of seats made the server write frames no room of people asks for.
 * Here two accounts' wallets would cover all three tables (two bots at each); at two tables an account, the third
 * table's bots need accounts of their own.
 */
class TablesPerAccountTest {

    @Test
    void aFleetTakesAnotherAccountOnceOneSitsAtItsLimitOfTables() throws Exception {
        try (TestServer live = TestServer.forThisTest().start(); BotFleet fleet = new BotFleet(live.ws())) {
            for (String name : List.of("Cap-1", "Cap-2", "Cap-3")) {
                live.openTable(name, 6);
            }
            List<BotFleet.LobbyTable> tables = fleet.lobby().stream().filter(t -> t.name().startsWith("Cap-")).toList();
            fleet.tablesPerAccount(2);

            fleet.seat(tables, 2, 1);

            assertThat(fleet.botCount()).isEqualTo(6);
            assertThat(fleet.accountCount()).as("the two accounts of the first two tables, two more for the third").isEqualTo(4);
            fleet.stop(Duration.ofSeconds(30));
            assertThat(fleet.botsStillSeated()).isZero();
            for (BotFleet.LobbyTable table : tables) {
                assertThat(live.chipsOnTable(table.id())).isEqualTo(Money.ZERO);
            }
        }
    }
}
