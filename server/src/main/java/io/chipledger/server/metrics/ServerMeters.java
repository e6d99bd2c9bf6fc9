package io.chipledger.server.metrics;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.chipledger.ledger.db.Database;
import io.chipledger.server.net.PokerHttpServer;
import io.micrometer.core.instrument.binder.netty4.NettyAllocatorMetrics;
import io.micrometer.core.instrument.binder.netty4.NettyEventExecutorMetrics;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The libraries' own meters beside ours: HikariCP's connection pool ({@code hikaricp_connections{pool="ledger"}},
 * acquire and usage times) and Netty's buffer allocator and event loops (memory used, tasks pending).
 */
public final class ServerMeters {

    private static final Logger log = LoggerFactory.getLogger(ServerMeters.class);

    private ServerMeters() {
    }

    /** The database pool's figures; a pool that already reports to a registry keeps that one. */
    public static void bindPool(Metrics metrics, Database database) {
        try {
            HikariDataSource pool = database.dataSource().unwrap(HikariDataSource.class);
            pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics.registry()));
        } catch (SQLException | IllegalStateException alreadyTracked) {
            // A second server on one Database (tests): the first registry keeps the pool's figures.
            log.debug("the database pool's figures stay where they are: {}", alreadyTracked.getMessage());
        }
    }

    /** Netty's buffer allocator (the default one, which every channel uses) and the server's event loops. */
    public static void bindNetty(Metrics metrics, PokerHttpServer http) {
        if (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider allocator) {
            new NettyAllocatorMetrics(allocator).bindTo(metrics.registry());
        }
        new NettyEventExecutorMetrics(http.eventLoops()).bindTo(metrics.registry());
    }
}
