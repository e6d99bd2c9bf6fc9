package io.chipledger.server.store;

import io.chipledger.ledger.db.LedgerSchema;
import io.chipledger.server.account.PlayerMapper;
import javax.sql.DataSource;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactory;
import org.flywaydb.core.Flyway;

/**
 * The server's own tables (players, sessions, poker tables, hands and their histories) beside the ledger's, in the same
 * database and the same schema ({@link LedgerSchema}). They have their own migrations ({@code db/server}) and history
 * table, so the ledger module's migrations and the server's are numbered independently and neither can block the other.
 */
public final class ServerSchema {

    private ServerSchema() {
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/server")
                .schemas(LedgerSchema.NAME)
                .defaultSchema(LedgerSchema.NAME)
                .table("server_schema_history")
                // The ledger's tables are already there: start the server's own history at zero, not refuse.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                // Versions are handed out to branches worked on side by side (V3 admin, V4 histories, V5 seats), so a
                // database may meet a lower version after a higher one: apply it then rather than refuse to start.
                .outOfOrder(true)
                .load()
                .migrate();
    }

    /** Adds the server's mappers to the ledger's MyBatis configuration (one pool, one type-handler registry). */
    public static void registerMappers(SqlSessionFactory factory) {
        Configuration configuration = factory.getConfiguration();
        if (!configuration.hasMapper(PlayerMapper.class)) {
            configuration.addMapper(PlayerMapper.class);
            configuration.addMapper(HandMapper.class);
            configuration.addMapper(PokerTableMapper.class);
            configuration.addMapper(SeatMapper.class);
            configuration.addMapper(HandHistoryMapper.class);
            configuration.addMapper(TournamentMapper.class);
        }
    }
}
