package io.chipledger.server.store;

import static io.chipledger.ledger.testing.EarlierLayout.plain;
import static io.chipledger.ledger.testing.EarlierLayout.tables;
import static io.chipledger.ledger.testing.LedgerScenario.execute;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.db.DatabaseConfig;
import io.chipledger.ledger.db.LedgerSchema;
import io.chipledger.ledger.testing.EarlierLayout;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.server.GameServer;
import io.chipledger.server.ServerSettings;
import io.chipledger.server.account.PasswordHasher;
import io.chipledger.server.account.Player;
import java.security.SecureRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database the server set up before its tables had a schema of their own (ledger and server tables, both Flyway
 * histories, all in {@code public}) starts on this version with its players and tables, moved into the schema.
 */
class EarlierLayoutUpgradeTest {

    /** The last server migration that ran into public. */
    private static final String LAST_SERVER_VERSION_IN_PUBLIC = "6";

    @Test
    void playersAndTablesOfAnEarlierVersionAreThereAfterTheUpgrade() throws Exception {
        String name = SharedPostgres.emptyDatabase();
        DataSource plain = plain(name);
        EarlierLayout.migrateLedgerIntoPublic(plain);
        // As ServerSchema.migrate configured Flyway then: its own history table, baseline 0, out of order, public.
        Flyway.configure().dataSource(plain).locations("classpath:db/server").table("server_schema_history")
                .baselineOnMigrate(true).baselineVersion("0").outOfOrder(true).target(LAST_SERVER_VERSION_IN_PUBLIC)
                .load().migrate();
        String hash = new PasswordHasher(PasswordHasher.MIN_ITERATIONS, new SecureRandom()).hash("alice-password".toCharArray());
        execute(plain, "INSERT INTO player (name, password_hash) VALUES ('alice', '" + hash + "')",
                "INSERT INTO poker_table (name, small_blind, big_blind, seats, min_buy_in, max_buy_in) "
                        + "VALUES ('Oak', 0.50, 1.00, 6, 20.00, 200.00)");

        Database database = Database.open(DatabaseConfig.server(SharedPostgres.jdbcUrl(name), "postgres", null));
        try (GameServer server = GameServer.start(database, ServerSettings.forTests())) {
            assertThat(server.tables().all()).extracting(t -> t.config().name()).containsExactly("Oak");
            assertThat(server.players().login("alice", "alice-password").join()).isPresent();
            assertThat(server.players().register("bob", "bob-password", Player.Role.PLAYER).join().ok())
                    .as("the player ids' sequence moved with its table").isTrue();
        }

        assertThat(tables(plain, "public")).isEmpty();
        assertThat(tables(plain, LedgerSchema.NAME)).contains("player", "poker_table", "hand_history", "server_schema_history",
                "flyway_schema_history", "account");
    }
}
