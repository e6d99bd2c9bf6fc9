package io.chipledger.server.cluster;

import io.chipledger.ledger.lease.Lease;
import io.chipledger.ledger.lease.Leases;
import io.chipledger.server.table.TableFence;
import io.chipledger.server.table.TableLocator;
import io.chipledger.server.table.TableRecords;
import java.util.Optional;

/**
 * Where each table is served among the game nodes: the holder of its unexpired lease, at the URL that node advertised.
 * Any node answers for every table (the lease and the registry are in the shared database), so a client may ask any.
 */
public final class TableRoutes implements TableLocator {

    private final Leases leases;
    private final NodeRegistry registry;
    private final TableRecords tables;

    public TableRoutes(Leases leases, NodeRegistry registry, TableRecords tables) {
        this.leases = leases;
        this.registry = registry;
        this.tables = tables;
    }

    @Override
    public Optional<Route> locate(long tableId) {
        boolean open = tables.notClosed().stream().anyMatch(t -> t.config().id() == tableId);
        if (!open) {
            return Optional.empty();
        }
        Lease lease = leases.find(TableFence.leaseName(tableId)).orElse(null);
        if (lease == null || lease.free()) {
            return Optional.of(new Route(tableId, false, null, null));
        }
        String url = registry.urlOf(lease.holder()).orElse(null);
        return Optional.of(new Route(tableId, url != null, lease.holder(), url));
    }
}
