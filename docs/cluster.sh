#!/usr/bin/env bash
# The highly available ledger under faults, on this one machine: etcd, three PostgreSQL 15 under Patroni with
# synchronous replication (strict), HAProxy in front, and `poker-server cluster-probe` game nodes playing fenced
# postings at 12 tables, each logging every posting the ledger acknowledged. Faults, then the checks:
#   1. SIGKILL of the database leader (Patroni and its PostgreSQL) under load: time until writes resume.
#   2. a zombie node: SIGSTOP node-b past its leases, node-c takes its tables over, SIGCONT node-b: its postings are
#      refused as FENCED, and no posting committed under a stale epoch.
#   3. both standbys stopped: commits wait, nothing is acknowledged, and resume when one standby is back.
# Then: every acknowledged posting is in the journal, no posting of a stale epoch, and `poker-server audit` exits 0.
# Then the game nodes' faults on the same ledger (docs/cluster/game-nodes.sh): three `serve --node` with bots at 12
# tables; a node's SIGKILL, a SIGSTOP past its leases, a rolling restart with SIGTERM, then the database leader's
# SIGKILL and both standbys stopped while those nodes serve the bots; each followed by the checks.
#
# Usage: docs/cluster.sh [--short] [--only ledger|game-nodes]
#   --short: phases of 15 s instead of 40 s for the ledger, 8 s instead of 20 s for the game nodes (CI runs it)
#   --only:  the ledger's faults alone, or the game nodes' alone (on the HA ledger, without its faults)
# Needs: patroni, etcd (etcd-server etcd-client), haproxy, postgresql-15 (apt), and the server jar (built if missing).
# Everything lives in $CLUSTER_DIR (a fresh temporary directory by default) and is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PHASE=40
GAME_PHASE=20
ONLY=
while [ $# -gt 0 ]; do
    case "$1" in
        --short) PHASE=15; GAME_PHASE=8 ;;
        --only) ONLY=$2; shift ;;
        *) echo "usage: docs/cluster.sh [--short] [--only ledger|game-nodes]" >&2; exit 2 ;;
    esac
    shift
done
LEASE_MS=4000

CLUSTER_DIR=${CLUSTER_DIR:-$(mktemp -d /tmp/chipledger-cluster.XXXXXX)}
mkdir -p "$CLUSTER_DIR"
export CLUSTER_DIR
chmod 755 "$CLUSTER_DIR"
JAR=$ROOT/server/target/poker-server.jar
# shellcheck source=cluster/ledger-ha.sh
. "$ROOT/docs/cluster/ledger-ha.sh"
# shellcheck source=cluster/game-nodes.sh
. "$ROOT/docs/cluster/game-nodes.sh"

for tool in patroni etcd etcdctl haproxy "$PG_BIN/postgres" curl; do
    command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install patroni etcd-server etcd-client haproxy postgresql-15 curl)" >&2; exit 2; }
done
[ -f "$JAR" ] || ./mvnw -B -q -o -pl server -am package -DskipTests

PROBES=()
cleanup() {
    set +e
    for pid in "${PROBES[@]}"; do
        kill -CONT "$pid" 2>/dev/null || true
        kill -TERM "$pid" 2>/dev/null || true
    done
    game_nodes_cleanup
    ledger_down
}
trap cleanup EXIT

export POKER_DB_USER=postgres POKER_DB_PASSWORD=postgres
POKER_DB_URL=$(ledger_jdbc_url)
export POKER_DB_URL

# Starts a probe node in the background: probe NAME SECONDS; its output in $CLUSTER_DIR/NAME.out.
probe() {
    java -Xmx256m -jar "$JAR" cluster-probe --holder "$1" --seconds "$2" --lease-ms "$LEASE_MS" \
        --acked "$CLUSTER_DIR/acked-$1.txt" >"$CLUSTER_DIR/$1.out" 2>"$CLUSTER_DIR/$1.err" &
    PROBES+=($!)
    echo $! >"$CLUSTER_DIR/$1.probe-pid"
}
probe_pid() { cat "$CLUSTER_DIR/$1.probe-pid"; }
acked_count() { cat "$CLUSTER_DIR"/acked-*.txt 2>/dev/null | wc -l; }
summary() { grep "^probe $1:" "$CLUSTER_DIR/$1.out" || { echo "probe $1 gave no summary:" >&2; tail -20 "$CLUSTER_DIR/$1.err" >&2; return 1; }; }
field() { summary "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
member_of() { echo "${1#pg}"; }

ledger_up
GAME_PSQL=(env PGPASSWORD=postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$HAPROXY_PORT" -U postgres -X -q -t -A -d chipledger)

# The game nodes' faults on the HA ledger; their checks after each, then the summary (its status is the run's).
game_nodes() {
    await_ledger || return 1
    game_nodes_run "$GAME_PHASE" || return 1
    echo
    game_nodes_summary "$GAME_PHASE"
}

if [ "$ONLY" = game-nodes ]; then
    game_nodes
    exit
fi

# 0. The schema, made by the first probe that opens the ledger: a short warm-up run.
probe warmup 5
wait "$(probe_pid warmup)"
summary warmup

# 1. The leader killed under load.
probe node-a $((PHASE * 2 + 20))
sleep "$PHASE"
leader=$(ledger_leader)
i=$(member_of "$leader")
ledger_log "fault 1: SIGKILL of the database leader $leader (Patroni pid $(daemon_pid "patroni$i"), postmaster pid $(postmaster_pid "$i")) at $(acked_count) postings acknowledged"
kill -KILL "$(daemon_pid "patroni$i")" "$(postmaster_pid "$i")"
killed_at=$(date +%s.%N)
until new_leader=$(ledger_leader) && [ "$new_leader" != "$leader" ]; do sleep 0.2; done
ledger_log "fault 1: $new_leader leads after $(awk -v a="$killed_at" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
wait "$(probe_pid node-a)"
summary node-a
FAILOVER_GAP_MS=$(field node-a longest_gap_ms)
ledger_log "fault 1: longest stop in acknowledged writes at node-a: $FAILOVER_GAP_MS ms"
# The old leader rejoins as a standby (pg_rewind drops whatever it alone had: never acknowledged).
start_patroni "$i"
await_ledger

# 2. A zombie node. node-b takes the 12 tables (node-a's leases ran out); node-c waits for leases to come free.
probe node-b $((PHASE * 3))
sleep 10
# node-c plays on through fault 3, which begins once node-b has ended (about 3 phases) and takes about a minute.
probe node-c $((PHASE * 3 + 80))
sleep "$PHASE"
ledger_log "fault 2: SIGSTOP node-b at $(acked_count) postings acknowledged"
kill -STOP "$(probe_pid node-b)"
sleep $((LEASE_MS / 1000 + 10))
ledger_log "fault 2: SIGCONT node-b"
kill -CONT "$(probe_pid node-b)"
wait "$(probe_pid node-b)"
summary node-b

# 3. Both standbys stopped while node-c plays: commits wait for a standby (synchronous_mode_strict).
leader=$(ledger_leader)
standbys=()
for m in 1 2 3; do [ "pg$m" = "$leader" ] || standbys+=("$m"); done
ledger_log "fault 3: node-c serves $(tail -1 "$CLUSTER_DIR/node-c.out" | sed 's/.*tables=\([0-9]*\).*/\1/') tables; stopping both standbys pg${standbys[0]} pg${standbys[1]}"
for m in "${standbys[@]}"; do stop_daemon "patroni$m" 30; done
sleep 5 # the commits already sent by then either were acknowledged or wait
before=$(acked_count)
sleep 10
during=$(( $(acked_count) - before ))
ledger_log "fault 3: $during postings acknowledged in 10 s with no standby"
start_patroni "${standbys[0]}"
back_at=$(date +%s)
until [ "$(acked_count)" -gt "$((before + during))" ]; do
    sleep 0.2
    [ $(( $(date +%s) - back_at )) -lt 120 ] || { echo "writes did not resume within 120 s of a standby's return" >&2; exit 1; }
done
ledger_log "fault 3: writes resumed $(( $(date +%s) - back_at )) s after pg${standbys[0]} was started again"
wait "$(probe_pid node-c)"
summary node-c
start_patroni "${standbys[1]}"

# The checks. NOT EXISTS, not NOT IN: half a million acknowledged keys against the journal's unique index is an
# anti-join; NOT IN over a subquery too big to hash is compared row by row and ran for longer than CI waits.
missing=$( (echo "SET search_path = chipledger; CREATE TEMP TABLE acked (k text); COPY acked FROM STDIN;"
            cat "$CLUSTER_DIR"/acked-*.txt; printf '\\.\n'
            echo "SELECT count(*) FROM acked a WHERE NOT EXISTS (SELECT 1 FROM posting p WHERE p.idempotency_key = a.k);") \
          | psql_primary -d chipledger)
acked_total=$(acked_count)
stale=$(psql_primary -d chipledger -c "SET search_path = chipledger; SELECT count(*) FROM posting p
    JOIN lease_claim c ON c.name = p.fence_name AND c.epoch > p.fence_epoch WHERE p.created_at > c.claimed_at" | tail -1)
java -jar "$JAR" audit >"$CLUSTER_DIR/audit.out" 2>&1 && audit=0 || audit=$?

echo
echo "== cluster run (phases of $PHASE s, leases of $LEASE_MS ms) =="
lost_yes=$(cat "$CLUSTER_DIR"/*.err | grep -c "lost commit of a batch of .* had happened" || true)
lost_no=$(cat "$CLUSTER_DIR"/*.err | grep -c "lost commit of a batch of .* had not happened" || true)
echo "leader SIGKILL: writes stopped for at most $FAILOVER_GAP_MS ms; commits whose answer was lost, resolved by key:"\
     "$lost_yes had committed, $lost_no had not (applied again); postings whose outcome a node never learned: $(field node-a unknown)"
echo "zombie node-b: $(field node-b fenced) postings refused FENCED after SIGCONT, $(field node-b leases_lost) leases lost; node-c: $(field node-c acknowledged) acknowledged"
echo "no standby: $during postings acknowledged while both standbys were down"
echo "acknowledged postings: $acked_total, missing from the journal: $missing"
echo "postings committed under a stale epoch: $stale"
echo "audit exit: $audit ($(tail -1 "$CLUSTER_DIR/audit.out"))"
[ "$missing" = 0 ] && [ "$stale" = 0 ] && [ "$audit" = 0 ] && [ "$during" = 0 ] && ledger_ok=0 || ledger_ok=1
[ "$ONLY" = ledger ] && exit "$ledger_ok"
echo
game_nodes && game_ok=0 || game_ok=1
[ "$ledger_ok" = 0 ] && [ "$game_ok" = 0 ]
