package io.chipledger.server.cli;

import static io.chipledger.ledger.testing.LedgerScenario.strings;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.db.DatabaseConfig;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.money.Money;
import io.chipledger.server.GameServer;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.account.Player;
import io.chipledger.server.game.holdem.Variant;
import io.chipledger.server.table.TableActor;
import io.chipledger.server.table.TableDirectory;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --tables --demo-bots [--game]}: the same bot accounts every start, never one a person registered; tables
 * of the game asked for.
 */
class DemoRoomTest {

    @Test
    void aRestartSeatsTheSameBotsWithNoNewAccountOrGrant() throws Exception {
        String url;
        try (Database first = SharedPostgres.freshDatabase()) {
            url = first.jdbcUrl();
        }
        try (GameServer server = GameServer.start(open(url), ServerSettings.forTests())) {
            // A person took the first bot name before the server ever ran bots: it stays theirs.
            Player person = server.players().register("demo-bot-1", "a-person's-password", Player.Role.PLAYER).join().player();
            GameServer.welcomeGrant(server.ledger(), Money.parse("1000.00"), Runnable::run).give(person).join();
            try (DemoRoom demo = DemoRoom.open(server, Variant.NO_LIMIT_TEXAS_HOLDEM, 0, 1, Money.parse("1000.00"))) {
                assertThat(demo.bots()).isEqualTo(4);
            }
        }
        Database again = open(url);
        try (GameServer server = GameServer.start(again, ServerSettings.forTests())) {
            try (DemoRoom demo = DemoRoom.open(server, Variant.NO_LIMIT_TEXAS_HOLDEM, 0, 1, Money.parse("1000.00"))) {
                assertThat(demo.bots()).isEqualTo(4);
            }

            assertThat(strings(again.dataSource(), "SELECT name FROM player WHERE name LIKE 'demo-bot-%' ORDER BY id"))
                    .containsExactly("demo-bot-1", "demo-bot-2", "demo-bot-3", "demo-bot-4", "demo-bot-5");
            assertThat(strings(again.dataSource(), "SELECT count(*) FROM admin_audit_log WHERE action = 'DEMO_BOT_CREATE'"))
                    .containsExactly("4");
            assertThat(strings(again.dataSource(), "SELECT count(*) FROM posting WHERE idempotency_key LIKE 'grant:%'"))
                    .as("one welcome grant per account: the person's and four bots'").containsExactly("5");
            assertThat(strings(again.dataSource(), "SELECT a.balance FROM account a JOIN player p ON a.owner_ref = 'player:' || p.id "
                    + "WHERE a.kind = 'WALLET' AND p.name = 'demo-bot-1'")).as("the person's wallet: no bot bought in from it")
                    .containsExactly("1000.00");
        }
    }

    @Test
    void tablesOfPotLimitOmahaAreOpenedBesideHoldemOnesAndTheBotsSitAtOne() throws Exception {
        try (GameServer server = GameServer.start(SharedPostgres.freshDatabase(), ServerSettings.forTests())) {
            server.tables().create(TableDirectory.plainTable("Hold'em", Money.parse("0.50"), Money.parse("1.00"), 6));

            try (DemoRoom demo = DemoRoom.open(server, Variant.POT_LIMIT_OMAHA_HOLDEM, 2, 1, Money.parse("1000.00"))) {
                assertThat(server.tables().all()).extracting(t -> t.config().name() + " " + t.config().variant().code())
                        .containsExactlyInAnyOrder("Hold'em NLHE", "PLO Table 1 PLO", "PLO Table 2 PLO");
                assertThat(demo.bots()).isEqualTo(4);
                TableActor holdem = server.tables().all().stream()
                        .filter(t -> t.config().variant() == Variant.NO_LIMIT_TEXAS_HOLDEM).findFirst().orElseThrow();
                assertThat(holdem.lobbyEntry().join().seated()).as("no bot at the hold'em table").isZero();
            }
        }
    }

    private static Database open(String url) {
        return Database.open(DatabaseConfig.server(url, "postgres", null));
    }
}
