#!/usr/bin/env bash
# Game nodes on a shared ledger, under faults: sourced by docs/cluster.sh (after the ledger's own faults), or run alone
# against any PostgreSQL: `docs/cluster/game-nodes.sh --short` with POKER_DB_URL/USER/PASSWORD set.
#
# Three `poker-server serve --node` processes share the database; node-a opens 12 tables and bots sit at all of them
# (four a table), following their table when it moves (`bots --follow-via`); node-b and node-c start, and node-a hands
# tables over to them between hands until each has its share. Then:
#   1. SIGKILL of node-b under load: only its tables move (their leases run out, the others take them, voiding the hands
#      node-b had in play); the time until every table is served again, and the hands voided.
#   2. SIGSTOP of node-c past its leases, SIGCONT: its writes are refused FENCED (counted in its log), none commits.
#   3. A rolling restart (SIGTERM, then start again) of every node: each drains, handing its tables over between hands;
#      zero hands voided.
# Then: `poker-server audit` exits 0, no posting committed under a stale epoch, no chips left in a pot at rest.
#
# Needs: $JAR, $CLUSTER_DIR, POKER_DB_URL (+ USER/PASSWORD), psql on the path or $PSQL, and game_psql (below) to reach
# the database.

GAME_LEASE=${GAME_LEASE:-PT4S}
GAME_PORTS=(18081 18082 18083)
GAME_NODES=(node-a node-b node-c)
GAME_PIDS=()

game_port() { case "$1" in node-a) echo "${GAME_PORTS[0]}" ;; node-b) echo "${GAME_PORTS[1]}" ;; *) echo "${GAME_PORTS[2]}" ;; esac; }
game_log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
game_sql() { "${GAME_PSQL[@]}" -c "SET search_path = chipledger; $1" | tail -1; }

# Starts a game node in the background (more serve options may follow the name); waits until it is ready.
game_node_up() {
    local name=$1
    shift
    local port
    port=$(game_port "$name")
    java -Xmx384m -jar "$JAR" serve --node "$name" --advertise "http://127.0.0.1:$port" --host 127.0.0.1 --port "$port" \
        --table-lease "$GAME_LEASE" --welcome-grant 100000 "$@" >>"$CLUSTER_DIR/$name.out" 2>>"$CLUSTER_DIR/$name.err" &
    echo $! >"$CLUSTER_DIR/$name.node-pid"
    GAME_PIDS+=($!)
    local waited=0
    until grep -q "^ready: " "$CLUSTER_DIR/$name.out" 2>/dev/null && [ "$(grep -c '^ready: ' "$CLUSTER_DIR/$name.out")" -ge "$(cat "$CLUSTER_DIR/$name.starts" 2>/dev/null || echo 1)" ]; do
        sleep 0.5
        waited=$((waited + 1))
        [ "$waited" -lt 240 ] || { echo "$name did not start:" >&2; tail -20 "$CLUSTER_DIR/$name.err" >&2; return 1; }
    done
}
game_node_pid() { cat "$CLUSTER_DIR/$1.node-pid"; }
game_tables_of() { game_sql "SELECT count(*) FROM lease WHERE holder = '$1' AND name LIKE 'table:%' AND expires_at > now()"; }
game_tables_served() { game_sql "SELECT count(*) FROM lease l JOIN poker_table t ON l.name = 'table:' || t.id
    WHERE t.status <> 'CLOSED' AND l.expires_at > now()"; }
game_voided() { game_sql "SELECT count(*) FROM hand WHERE status = 'VOIDED'"; }
game_settled() { game_sql "SELECT count(*) FROM hand WHERE status = 'SETTLED'"; }
game_wait_served() { # until all 12 tables are served, or 120 s; prints the seconds it took
    local from=$1 waited=0
    until [ "$(game_tables_served)" -ge 12 ]; do
        sleep 0.2
        waited=$((waited + 1))
        [ "$waited" -lt 600 ] || { echo "not every table is served again after 120 s" >&2; return 1; }
    done
    awk -v a="$from" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'
}
game_restart_count() { echo $(( $(cat "$CLUSTER_DIR/$1.starts" 2>/dev/null || echo 1) + 1 )) >"$CLUSTER_DIR/$1.starts"; }

game_nodes_run() {
    local phase=$1
    game_log "game nodes: node-a opens 12 tables; bots sit at them"
    game_node_up node-a --tables 12
    local a_http="http://127.0.0.1:${GAME_PORTS[0]}" b_http="http://127.0.0.1:${GAME_PORTS[1]}" c_http="http://127.0.0.1:${GAME_PORTS[2]}"
    java -Xmx384m -jar "$JAR" bots --url "ws://127.0.0.1:${GAME_PORTS[0]}/ws" --tables 12 --per-table 4 \
        --seconds $((phase * 6 + 60)) --think-ms 200 --follow-via "$a_http,$b_http,$c_http" \
        >"$CLUSTER_DIR/game-bots.out" 2>"$CLUSTER_DIR/game-bots.err" &
    GAME_BOTS=$!
    until grep -q "^seated" "$CLUSTER_DIR/game-bots.out" 2>/dev/null; do
        sleep 0.5
        kill -0 "$GAME_BOTS" 2>/dev/null || { echo "the bots stopped:" >&2; cat "$CLUSTER_DIR/game-bots.out" "$CLUSTER_DIR/game-bots.err" >&2; return 1; }
    done
    game_node_up node-b
    game_node_up node-c
    local waited=0
    until [ "$(game_tables_of node-b)" -ge 4 ] && [ "$(game_tables_of node-c)" -ge 4 ]; do
        sleep 0.5
        waited=$((waited + 1))
        [ "$waited" -lt 240 ] || { echo "the tables were not shared out" >&2; break; }
    done
    game_log "game nodes: node-a $(game_tables_of node-a), node-b $(game_tables_of node-b), node-c $(game_tables_of node-c) tables; $(game_settled) hands settled so far"
    sleep "$phase"

    # 1. SIGKILL of node-b.
    local before_voided killed_tables at
    before_voided=$(game_voided)
    killed_tables=$(game_tables_of node-b)
    game_log "game fault 1: SIGKILL node-b (pid $(game_node_pid node-b)) serving $killed_tables tables"
    kill -KILL "$(game_node_pid node-b)"
    at=$(date +%s.%N)
    sleep 1
    GAME_KILL_SECONDS=$(game_wait_served "$at")
    GAME_KILL_TABLES=$killed_tables
    sleep 2
    GAME_KILL_VOIDED=$(( $(game_voided) - before_voided ))
    game_log "game fault 1: every table served again $GAME_KILL_SECONDS s after the kill; $GAME_KILL_VOIDED hand(s) voided (node-b's hands in play)"
    game_restart_count node-b
    game_node_up node-b
    sleep "$phase"

    # 2. SIGSTOP of node-c past its leases.
    local fenced_before
    fenced_before=$(grep -c "refused as FENCED\|was claimed by another node" "$CLUSTER_DIR/node-c.err" || true)
    game_log "game fault 2: SIGSTOP node-c serving $(game_tables_of node-c) tables"
    kill -STOP "$(game_node_pid node-c)"
    sleep 12
    game_log "game fault 2: SIGCONT node-c (every table served: $(game_tables_served))"
    kill -CONT "$(game_node_pid node-c)"
    sleep 5
    GAME_ZOMBIE_FENCED=$(( $(grep -c "refused as FENCED" "$CLUSTER_DIR/node-c.err" || true) ))
    GAME_ZOMBIE_LOST=$(( $(grep -c "was claimed by another node" "$CLUSTER_DIR/node-c.err" || true) ))
    game_log "game fault 2: node-c had $GAME_ZOMBIE_FENCED write(s) refused FENCED and learnt of $GAME_ZOMBIE_LOST lost lease(s) at renewal (before: $fenced_before)"
    sleep "$phase"

    # 3. A rolling restart: SIGTERM drains each node in turn.
    local rolling_voided_before
    rolling_voided_before=$(game_voided)
    for name in "${GAME_NODES[@]}"; do
        game_log "game fault 3: SIGTERM $name (drains: $(game_tables_of "$name") tables to hand over)"
        kill -TERM "$(game_node_pid "$name")"
        at=$(date +%s)
        while kill -0 "$(game_node_pid "$name")" 2>/dev/null; do sleep 0.2; done
        game_log "game fault 3: $name stopped after $(( $(date +%s) - at )) s; every table served: $(game_tables_served)"
        game_restart_count "$name"
        game_node_up "$name"
        sleep $((phase / 2 + 2))
    done
    GAME_ROLLING_VOIDED=$(( $(game_voided) - rolling_voided_before ))
    game_log "game fault 3: rolling restart of 3 nodes: $GAME_ROLLING_VOIDED hand(s) voided"

    wait "$GAME_BOTS" && GAME_BOTS_EXIT=0 || GAME_BOTS_EXIT=$?
    GAME_BOTS_SUMMARY=$(tr '\n' ' ' <"$CLUSTER_DIR/game-bots.out")
    GAME_SETTLED=$(game_settled)
    for name in "${GAME_NODES[@]}"; do
        kill -TERM "$(game_node_pid "$name")" 2>/dev/null || true
    done
    for name in "${GAME_NODES[@]}"; do
        while kill -0 "$(game_node_pid "$name")" 2>/dev/null; do sleep 0.2; done
    done
    GAME_POTS_AT_REST=$(game_sql "SELECT count(*) FROM account WHERE kind = 'POT' AND balance <> 0")
}

game_nodes_cleanup() {
    for pid in "${GAME_PIDS[@]}"; do
        kill -CONT "$pid" 2>/dev/null || true
        kill -TERM "$pid" 2>/dev/null || true
    done
    [ -z "${GAME_BOTS:-}" ] || kill -TERM "$GAME_BOTS" 2>/dev/null || true
}

# Run alone: against the database POKER_DB_URL names (psql reaches it through GAME_PSQL_ARGS, e.g. "-h H -p P -U U -d D").
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    cd "$(dirname "$0")/../.."
    JAR=$PWD/server/target/poker-server.jar
    CLUSTER_DIR=${CLUSTER_DIR:-$(mktemp -d /tmp/chipledger-nodes.XXXXXX)}
    PHASE=20
    [ "${1:-}" = "--short" ] && PHASE=8
    read -r -a GAME_PSQL_SPLIT <<<"${GAME_PSQL_ARGS:?set GAME_PSQL_ARGS to the connection options of psql}"
    GAME_PSQL=(psql -X -q -t -A "${GAME_PSQL_SPLIT[@]}")
    trap game_nodes_cleanup EXIT
    game_nodes_run "$PHASE"
    stale=$(game_sql "SELECT count(*) FROM posting p JOIN lease_claim c ON c.name = p.fence_name AND c.epoch > p.fence_epoch
        WHERE p.created_at > c.claimed_at")
    java -jar "$JAR" audit >"$CLUSTER_DIR/game-audit.out" 2>&1 && audit=0 || audit=$?
    echo "== game nodes (phases of $PHASE s, leases of $GAME_LEASE) =="
    echo "node SIGKILL: $GAME_KILL_TABLES tables moved, every table served again after $GAME_KILL_SECONDS s, $GAME_KILL_VOIDED hand(s) voided"
    echo "node SIGSTOP past its leases: $GAME_ZOMBIE_FENCED write(s) refused FENCED, $GAME_ZOMBIE_LOST lease(s) found lost at renewal"
    echo "rolling restart (SIGTERM, drain): $GAME_ROLLING_VOIDED hand(s) voided"
    echo "bots: $GAME_BOTS_SUMMARY(exit $GAME_BOTS_EXIT); hands settled: $GAME_SETTLED; pots not empty at rest: $GAME_POTS_AT_REST"
    echo "postings committed under a stale epoch: $stale; audit exit: $audit ($(tail -1 "$CLUSTER_DIR/game-audit.out"))"
    [ "$stale" = 0 ] && [ "$audit" = 0 ] && [ "$GAME_ROLLING_VOIDED" = 0 ] && [ "$GAME_POTS_AT_REST" = 0 ]
fi
