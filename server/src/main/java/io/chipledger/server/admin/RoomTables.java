package io.chipledger.server.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipledger.server.cluster.GameNode;
import io.chipledger.server.cluster.NodeState;
import io.chipledger.server.net.HttpCall;
import io.chipledger.server.table.TableLocator;
import io.chipledger.server.table.TableStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The console's Tables list on a game node among others: every table of the room, each with the node serving it and
 * that node's state. The tables served here as their actors see them, each other live node's as that node answers
 * for its own, and those no node answered for (a takeover under way, a silent node) as the database records them.
 */
final class RoomTables {

    private final String node;
    private final TableOperator operator;
    private final ConsoleForwarding forwarding;
    private final TableLocator room;
    private final Supplier<List<GameNode>> nodes;
    private final Executor worker;

    RoomTables(String node, TableOperator operator, ConsoleForwarding forwarding, TableLocator room,
               Supplier<List<GameNode>> nodes, Executor worker) {
        this.node = node;
        this.operator = operator;
        this.forwarding = forwarding;
        this.room = room;
        this.nodes = nodes;
        this.worker = worker;
    }

    CompletableFuture<List<ObjectNode>> list(HttpCall call) {
        if (ConsoleForwarding.forwarded(call)) {
            // Asked by another node's console: only the tables served here (it lists the closed ones itself).
            return operator.list().thenApply(rows -> rows.stream().map(row -> tree(row).put("node", node)).toList());
        }
        CompletableFuture<List<ConsoleForwarding.NodeTables>> others = forwarding.otherNodesTables(call);
        return operator.listWithClosed().thenCompose(mine -> others.thenApplyAsync(theirs -> merge(mine, theirs), worker));
    }

    /** Blocking (the nodes' states and the tables no node answered for are read from the database): on the worker. */
    private List<ObjectNode> merge(List<Map<String, Object>> mine, List<ConsoleForwarding.NodeTables> theirs) {
        Map<String, NodeState> states = nodes.get().stream().collect(Collectors.toMap(GameNode::name, GameNode::state));
        List<ObjectNode> open = new ArrayList<>();
        List<ObjectNode> closed = new ArrayList<>();
        Set<Long> listed = new HashSet<>();
        for (Map<String, Object> row : mine) {
            if (row.get("state") == TableStatus.CLOSED) {
                closed.add(tree(row).putNull("node").putNull("nodeState"));
            } else if (listed.add((Long) row.get("id"))) {
                open.add(tree(row).put("node", node));
            }
        }
        for (ConsoleForwarding.NodeTables answered : theirs) {
            for (ObjectNode row : answered.rows()) {
                if (listed.add(row.path("id").asLong())) {
                    open.add(row.put("node", answered.node().name()));
                }
            }
        }
        // A table moving between two nodes' answers is listed once; one no node answered for comes from the database.
        operator.recorded(room.elsewhere(listed)).forEach(row -> open.add(tree(row)));
        for (ObjectNode row : open) {
            NodeState state = row.path("node").isTextual() ? states.get(row.get("node").asText()) : null;
            row.put("nodeState", state == null ? null : state.name());
        }
        open.sort(Comparator.comparingLong(row -> row.path("id").asLong()));
        closed.sort(Comparator.comparingLong(row -> row.path("id").asLong()));
        open.addAll(closed);
        return open;
    }

    private static ObjectNode tree(Map<String, Object> row) {
        return AdminJson.MAPPER.valueToTree(row);
    }
}
