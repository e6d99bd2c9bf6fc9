package io.chipledger.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipledger.ledger.db.Database;
import io.chipledger.ledger.testing.SharedPostgres;
import io.chipledger.server.store.ServerSchema;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V3 (this console's) was numbered beside V4 and V5 written on other branches at the same time, so a database that
 * main already migrated to V5 meets V3 later. The server must apply it then, not refuse to start.
 */
class AdminMigrationTest {

    @Test
    void aDatabaseAlreadyAtV5WithoutV3GetsTheAdminAuditLogOnTheNextStart() throws Exception {
        Path before = Files.createTempDirectory(Path.of("target"), "migrations-without-v3");
        for (String name : List.of("V1__create_players_and_sessions.sql", "V2__create_poker_tables_and_hands.sql",
                "V4__create_hand_history.sql", "V5__create_table_seats.sql")) {
            try (InputStream in = AdminMigrationTest.class.getClassLoader().getResourceAsStream("db/server/" + name)) {
                Files.copy(in, before.resolve(name));
            }
        }
        try (Database database = SharedPostgres.freshDatabase()) {
            Flyway.configure().dataSource(database.dataSource()).locations("filesystem:" + before.toAbsolutePath())
                    .table("server_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();

            ServerSchema.migrate(database.dataSource());

            try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT version FROM server_schema_history WHERE success ORDER BY installed_rank")) {
                StringBuilder versions = new StringBuilder();
                while (r.next()) {
                    versions.append(r.getString(1)).append(' ');
                }
                // V3 applied after the V4 and V5 already there; migrations numbered after V5 follow in order.
                assertThat(versions.toString().strip()).startsWith("0 1 2 4 5 3 6");
            }
        }
    }
}
