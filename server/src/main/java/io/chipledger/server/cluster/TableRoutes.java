package io.chipledger.server.cluster;

import io.chipledger.ledger.lease.Lease;
import io.chipledger.ledger.lease.Leases;
import io.chipledger.server.table.TableFence;
import io.chipledger.server.table.TableLocator;
import io.chipledger.server.table.SeatRecords;
import io.chipledger.server.table.TableRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;

/**
 * Where each table is served among the game nodes: the holder of its unexpired lease, at the URL that node advertised.
 * Any node answers for every table (the lease and the registry are in the shared database), so a client may ask any.
 */
public final class TableRoutes implements TableLocator {

    private final Leases leases;
    private final NodeRegistry registry;
    private final TableRecords tables;
    private final SeatRecords seats;
    private final LongFunction<String> playerNames;

    /** @param playerNames a player's name by id (blocking) */
    public TableRoutes(Leases leases, NodeRegistry registry, TableRecords tables, SeatRecords seats,
                       LongFunction<String> playerNames) {
        this.leases = leases;
        this.registry = registry;
        this.tables = tables;
        this.seats = seats;
        this.playerNames = playerNames;
    }

    @Override
    public List<Listed> elsewhere(Set<Long> servedHere) {
        List<TableRecords.StoredTable> others = tables.notClosed().stream()
                .filter(t -> !servedHere.contains(t.config().id())).toList();
        if (others.isEmpty()) {
            return List.of();
        }
        Map<String, Lease> byName = leases.all().stream().collect(Collectors.toMap(Lease::name, l -> l));
        Map<String, String> urls = registry.all().stream().filter(n -> n.state() != NodeState.STOPPED)
                .collect(Collectors.toMap(GameNode::name, GameNode::url));
        Map<Long, List<String>> seated = seats.atOpenTables().stream().collect(Collectors.groupingBy(
                SeatRecords.RecordedSeat::tableId, Collectors.mapping(s -> playerNames.apply(s.playerId()), Collectors.toList())));
        List<Listed> listed = new ArrayList<>();
        for (TableRecords.StoredTable table : others) {
            long id = table.config().id();
            Lease lease = byName.get(TableFence.leaseName(id));
            String node = lease == null || lease.free() ? null : lease.holder();
            listed.add(new Listed(table.config(), seated.getOrDefault(id, List.of()), node, node == null ? null : urls.get(node)));
        }
        return listed;
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
