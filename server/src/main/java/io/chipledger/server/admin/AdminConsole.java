package io.chipledger.server.admin;

import io.chipledger.ledger.Ledger;
import io.chipledger.server.account.PlayerDirectory;
import io.chipledger.server.cluster.NodeRegistry;
import io.chipledger.server.gateway.PlayerConnections;
import io.chipledger.server.metrics.FigureHistory;
import io.chipledger.server.net.HttpCall;
import io.chipledger.server.net.HttpReply;
import io.chipledger.server.net.HttpRoutes;
import io.chipledger.server.store.HandExporter;
import io.chipledger.server.table.TableDirectory;
import io.chipledger.server.table.TableLocator;
import io.chipledger.server.tournament.director.TournamentDirector;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.ibatis.session.SqlSessionFactory;

/**
 * The admin console's composition: its services over the server's database, ledger, players and tables, and its
 * routes. The page itself is static ({@code web/admin/}); {@code /admin} redirects there. Everything the page shows
 * comes from {@code /api/admin}, behind {@link AdminGuard}.
 */
public final class AdminConsole {

    /** What the console needs of the running server. */
    public record Parts(SqlSessionFactory database, Ledger ledger, PlayerDirectory players, TableDirectory tables,
                        TournamentDirector tournaments, PlayerConnections online, Executor worker, Clock clock,
                        String currency, FigureHistory figures, NodeRegistry nodes) {
    }

    /** On game node {@code node} among others: where each table of the room is served. */
    public record Room(String node, TableLocator tables) {
    }

    private AdminConsole() {
    }

    /** Adds the console's routes for a server alone on its database. */
    public static List<String> addTo(HttpRoutes routes, Parts parts) {
        return addTo(routes, parts, null);
    }

    /**
     * Adds the console's routes; returns every {@code /api/admin} route added, each behind the admin guard. With a
     * {@code room} (null for a server alone), the Tables page lists the whole room and acts on any table of it.
     */
    public static List<String> addTo(HttpRoutes routes, Parts parts, Room room) {
        AdminMapper.register(parts.database());
        AdminAuditLog auditLog = new AdminAuditLog(parts.database(), room == null ? null : room.node());
        AuditedActions actions = new AuditedActions(auditLog, parts.worker());
        TableOperator tables = new TableOperator(parts.tables(), parts.database(), parts.worker(), parts.currency());
        LedgerHealth health = new LedgerHealth(parts.database(), auditLog, parts.clock(), parts.currency());
        Cashier cashier = new Cashier(parts.ledger(), parts.players(), parts.online(), parts.worker(), parts.currency());

        routes.get("/admin", AdminConsole::toThePage);
        GuardedRoutes guarded = new GuardedRoutes(routes, new AdminGuard(parts.players()));
        ConsoleForwarding forwarding = room == null ? null
                : new ConsoleForwarding(room.node(), room.tables(), parts.nodes()::all, parts.worker());
        new DashboardEndpoints(health, tables, auditLog, parts.online()::playersOnline, parts.figures(), parts.worker(),
                room == null ? null : room.node(), forwarding).addTo(guarded);
        RoomTables roomTables = room == null ? null
                : new RoomTables(room.node(), tables, forwarding, room.tables(), parts.nodes()::all, parts.worker());
        new TableEndpoints(tables, actions, roomTables, forwarding).addTo(guarded);
        new NodeEndpoints(parts.nodes(), actions, parts.worker()).addTo(guarded);
        new PlayerEndpoints(new PlayerRecords(parts.database(), parts.currency()), cashier, parts.players(), actions,
                parts.worker()).addTo(guarded);
        new HandEndpoints(new HandInspector(new HandExporter(parts.database()), parts.database(), parts.ledger()),
                parts.worker()).addTo(guarded);
        new TournamentEndpoints(parts.tournaments(), actions, parts.database(), parts.ledger(), parts.worker(),
                parts.currency()).addTo(guarded);
        return guarded.all();
    }

    /** {@code /admin} to {@code /admin/}, so the page's relative module imports resolve under {@code /admin/}. */
    private static CompletionStage<HttpReply> toThePage(HttpCall call) {
        return CompletableFuture.completedFuture(new HttpReply(302, "text/plain; charset=utf-8", new byte[0],
                Map.of("Location", "/admin/")));
    }
}
