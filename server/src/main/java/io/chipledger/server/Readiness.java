package io.chipledger.server;

import io.chipledger.ledger.db.DatabaseAvailability;
import io.chipledger.ledger.postgres.PostgresLedger;
import io.chipledger.server.net.HealthEndpoint;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Whether the server can take players: it finished starting, the database answers its availability probe, and the
 * ledger's writers are running. What {@code /health/ready} (and {@code /health}) report.
 */
final class Readiness implements Supplier<HealthEndpoint.Unready> {

    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final DatabaseAvailability database;
    private final PostgresLedger ledger;

    Readiness(DatabaseAvailability database, PostgresLedger ledger) {
        this.database = database;
        this.ledger = ledger;
    }

    void started() {
        started.set(true);
    }

    /** The node is draining (handing its tables over before it stops): a load balancer sends no one new here. */
    void draining() {
        draining.set(true);
    }

    @Override
    public HealthEndpoint.Unready get() {
        if (!started.get()) {
            return new HealthEndpoint.Unready("starting", null);
        }
        if (draining.get()) {
            return new HealthEndpoint.Unready("draining", "the node hands its tables over to other nodes, then stops");
        }
        DatabaseAvailability.State state = database.state();
        if (!state.available()) {
            return new HealthEndpoint.Unready("unavailable", "the database is unavailable since " + state.since() + ": "
                    + state.reason());
        }
        if (!ledger.writing()) {
            return new HealthEndpoint.Unready("unavailable", "the ledger writer is not running");
        }
        return null;
    }
}
