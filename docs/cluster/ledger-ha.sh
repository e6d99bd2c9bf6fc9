# The highly available ledger on one machine, as shell functions (sourced by docs/cluster.sh): etcd, three
# PostgreSQL 15 instances managed by Patroni with synchronous_mode and synchronous_mode_strict, and HAProxy sending
# connections to whichever instance Patroni's REST API calls the primary. Everything lives under $CLUSTER_DIR and is
# started in the background with its pid kept, so ledger_down (or the caller's EXIT trap) stops exactly what was started.
#
# Ports: BASE_PORT (default 15400) + 0 HAProxy's primary entry, +1 HAProxy stats, +10/+11 etcd client/peer,
# +21..23 PostgreSQL pg1..pg3, +31..33 their Patroni REST APIs.
#
# Settings that keep an acknowledged commit from ever being lost (docs/cluster.md says why each matters):
#   synchronous_mode + synchronous_mode_strict  a commit returns only once a standby has flushed it; with no standby
#                                               left, commits wait rather than go on alone
#   maximum_lag_on_failover: 0                  only a standby holding every commit may be promoted
#   use_pg_rewind                               a demoted primary drops what it alone had (never acknowledged) and follows
#   no statement_timeout, no client_connection_check_interval, never pg_cancel_backend: a cancelled wait for the
#   standby makes a transaction visible on the primary that the standby never got

: "${BASE_PORT:=15400}"
: "${PG_BIN:=/usr/lib/postgresql/15/bin}"
: "${PATRONI_TTL:=10}"
: "${PATRONI_LOOP_WAIT:=2}"
: "${PATRONI_RETRY_TIMEOUT:=4}"

HAPROXY_PORT=$((BASE_PORT))
HAPROXY_STATS_PORT=$((BASE_PORT + 1))
ETCD_PORT=$((BASE_PORT + 10))
ETCD_PEER_PORT=$((BASE_PORT + 11))

pg_port() { echo $((BASE_PORT + 20 + $1)); }
rest_port() { echo $((BASE_PORT + 30 + $1)); }

# The JDBC url game nodes use: HAProxy, which only ever forwards to the primary.
ledger_jdbc_url() { echo "jdbc:postgresql://127.0.0.1:$HAPROXY_PORT/chipledger"; }

# The alternative without HAProxy: the driver tries each host and keeps the one that accepts writes.
ledger_multi_host_url() {
    echo "jdbc:postgresql://127.0.0.1:$(pg_port 1),127.0.0.1:$(pg_port 2),127.0.0.1:$(pg_port 3)/chipledger?targetServerType=primary"
}

ledger_log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }

# Starts a command in the background with its output in $CLUSTER_DIR/NAME.log and its pid in $CLUSTER_DIR/NAME.pid.
start_daemon() {
    name=$1
    shift
    "$@" >>"$CLUSTER_DIR/$name.log" 2>&1 &
    echo $! >"$CLUSTER_DIR/$name.pid"
}

daemon_pid() { cat "$CLUSTER_DIR/$1.pid" 2>/dev/null; }

# Stops one daemon by its pid (SIGTERM, then SIGKILL after $2 seconds, default 20).
stop_daemon() {
    pid=$(daemon_pid "$1")
    [ -n "$pid" ] || return 0
    kill -CONT "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 $((${2:-20} * 10))); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -f "$CLUSTER_DIR/$1.pid"
}

write_patroni_config() {
    i=$1
    dir="$CLUSTER_DIR/pg$i"
    mkdir -p "$dir"
    cat >"$dir/patroni.yml" <<EOF
scope: chipledger
namespace: /chipledger-harness/
name: pg$i
log:
  level: INFO
restapi:
  listen: 127.0.0.1:$(rest_port "$i")
  connect_address: 127.0.0.1:$(rest_port "$i")
etcd3:
  hosts: 127.0.0.1:$ETCD_PORT
bootstrap:
  dcs:
    ttl: $PATRONI_TTL
    loop_wait: $PATRONI_LOOP_WAIT
    retry_timeout: $PATRONI_RETRY_TIMEOUT
    maximum_lag_on_failover: 0
    synchronous_mode: true
    synchronous_mode_strict: true
    postgresql:
      use_pg_rewind: true
      use_slots: true
      parameters:
        synchronous_commit: "on"
        wal_level: replica
        hot_standby: "on"
        wal_log_hints: "on"
        max_connections: 200
        max_wal_senders: 10
        max_replication_slots: 10
        shared_buffers: 64MB
        # An old leader rewound by pg_rewind replays from its last checkpoint's redo point, which a spread checkpoint
        # leaves up to max_wal_size (1GB) behind; the new leader creates its slot only at promotion, later than that,
        # so without this it may already have recycled the WAL the old leader needs, which then never rejoins.
        wal_keep_size: 1GB
        statement_timeout: 0
        client_connection_check_interval: 0
  initdb:
    - encoding: UTF8
    - data-checksums
  pg_hba:
    - local all all trust
    - host replication replicator 127.0.0.1/32 trust
    - host all all 127.0.0.1/32 trust
postgresql:
  listen: 127.0.0.1:$(pg_port "$i")
  connect_address: 127.0.0.1:$(pg_port "$i")
  data_dir: $dir/data
  bin_dir: $PG_BIN
  pgpass: $dir/pgpass
  authentication:
    replication:
      username: replicator
      password: replicator
    superuser:
      username: postgres
      password: postgres
    rewind:
      username: postgres
      password: postgres
  parameters:
    unix_socket_directories: $dir
tags:
  nofailover: false
  noloadbalance: false
  clonefrom: false
EOF
}

write_haproxy_config() {
    cat >"$CLUSTER_DIR/haproxy.cfg" <<EOF
global
    maxconn 1000

defaults
    mode tcp
    timeout connect 4s
    # No idle timeout on the database side: a COMMIT waiting for a standby may wait as long as it takes.
    timeout client 0
    timeout server 0
    retries 2

listen stats
    mode http
    bind 127.0.0.1:$HAPROXY_STATS_PORT
    stats enable
    stats uri /

# Only the instance whose Patroni answers 200 on /primary is in the pool; when it stops answering, HAProxy closes
# the sessions it still holds to it (on-marked-down shutdown-sessions), so no client keeps talking to an old primary.
listen primary
    bind 127.0.0.1:$HAPROXY_PORT
    option httpchk OPTIONS /primary
    http-check expect status 200
    default-server inter 1s fall 2 rise 1 on-marked-down shutdown-sessions
EOF
    for i in 1 2 3; do
        echo "    server pg$i 127.0.0.1:$(pg_port "$i") maxconn 300 check port $(rest_port "$i")" >>"$CLUSTER_DIR/haproxy.cfg"
    done
}

start_etcd() {
    start_daemon etcd etcd --name harness --data-dir "$CLUSTER_DIR/etcd" \
        --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
        --listen-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" --initial-advertise-peer-urls "http://127.0.0.1:$ETCD_PEER_PORT" \
        --initial-cluster "harness=http://127.0.0.1:$ETCD_PEER_PORT" --initial-cluster-state new
    for _ in $(seq 1 100); do
        ETCDCTL_API=3 etcdctl --endpoints "127.0.0.1:$ETCD_PORT" endpoint health >/dev/null 2>&1 && return 0
        sleep 0.2
    done
    echo "etcd did not start; see $CLUSTER_DIR/etcd.log" >&2
    return 1
}

# PostgreSQL refuses to run as root, so Patroni (and the PostgreSQL it starts) runs as the postgres user.
start_patroni() {
    i=$1
    if [ "$(id -u)" -eq 0 ]; then
        chown -R postgres: "$CLUSTER_DIR/pg$i"
        HOME="$CLUSTER_DIR/pg$i" start_daemon "patroni$i" setpriv --reuid=postgres --regid=postgres --init-groups patroni "$CLUSTER_DIR/pg$i/patroni.yml"
    else
        start_daemon "patroni$i" patroni "$CLUSTER_DIR/pg$i/patroni.yml"
    fi
}

start_haproxy() {
    # -db: stay in the foreground, so the pid kept is HAProxy's own.
    start_daemon haproxy haproxy -db -f "$CLUSTER_DIR/haproxy.cfg"
}

# The name of the member Patroni calls the leader (pg1..pg3), or nothing.
ledger_leader() {
    for i in 1 2 3; do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(rest_port "$i")/primary")" = 200 ] \
            && { echo "pg$i"; return 0; }
    done
    return 1
}

# The members Patroni calls synchronous standbys.
ledger_sync_standbys() {
    for i in 1 2 3; do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$(rest_port "$i")/synchronous")" = 200 ] \
            && echo "pg$i"
    done
}

psql_primary() {
    PGPASSWORD=postgres "$PG_BIN/psql" -h 127.0.0.1 -p "$HAPROXY_PORT" -U postgres -X -q -t -A "$@"
}

# Waits until a leader accepts writes through HAProxy and a synchronous standby is attached.
await_ledger() {
    for _ in $(seq 1 ${1:-300}); do
        if [ -n "$(ledger_sync_standbys)" ] && psql_primary -d postgres -c 'SELECT 1' >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.5
    done
    echo "the ledger cluster did not come up; see $CLUSTER_DIR/patroni*.log" >&2
    return 1
}

ledger_up() {
    mkdir -p "$CLUSTER_DIR"
    for i in 1 2 3; do write_patroni_config "$i"; done
    write_haproxy_config
    start_etcd || return 1
    start_patroni 1
    # The first member bootstraps the cluster alone; the others clone it once it leads.
    for _ in $(seq 1 120); do
        ledger_leader >/dev/null && break
        sleep 0.5
    done
    start_patroni 2
    start_patroni 3
    start_haproxy
    await_ledger || return 1
    psql_primary -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'chipledger'" | grep -q 1 \
        || psql_primary -d postgres -c "CREATE DATABASE chipledger"
    ledger_log "ledger up: leader $(ledger_leader), synchronous standby $(ledger_sync_standbys | tr '\n' ' ')url $(ledger_jdbc_url)"
}

ledger_down() {
    stop_daemon haproxy 5
    for i in 1 2 3; do stop_daemon "patroni$i" 30; done
    stop_daemon etcd 10
    # A Patroni killed hard may leave its PostgreSQL running: stop any postmaster still on our data directories.
    for i in 1 2 3; do
        pidfile="$CLUSTER_DIR/pg$i/data/postmaster.pid"
        if [ -f "$pidfile" ]; then
            pid=$(head -1 "$pidfile")
            kill -0 "$pid" 2>/dev/null && kill -QUIT "$pid" 2>/dev/null || true
        fi
    done
}

# The pid of the postmaster of member pgN (for faults).
postmaster_pid() { head -1 "$CLUSTER_DIR/pg$1/data/postmaster.pid" 2>/dev/null; }
