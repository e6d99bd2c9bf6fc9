#!/bin/sh
# Issue 2's comparison, as docs/performance.md reports it: on one PostgreSQL, pgbench (TPC-B-like, 8 clients, 20 s)
# and then bench-ledger (TABLES simulated tables, 100 unless given, 20 s after its warm-up, audit after), each on a
# fresh database, ROUNDS times. Prints both figures of each round and their ratio.
#
# usage: docs/ledger-vs-pgbench.sh [ROUNDS [TABLES]]   (from the repository's top, after ./mvnw -B -q package -DskipTests)
# The server is reached with PGHOST, PGPORT, PGUSER and PGPASSWORD (default 127.0.0.1, 5432, postgres); the user must
# be allowed to create databases. The databases pgb_compare and ledger_compare are dropped and created.
set -eu

rounds=${1:-3}
tables=${2:-100}
jar=server/target/poker-server.jar
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
[ -f "$jar" ] || { echo "no $jar: build it first (./mvnw -B -q package -DskipTests)" >&2; exit 2; }
command -v pgbench >/dev/null || { echo "pgbench not found (Debian: apt-get install postgresql-client)" >&2; exit 2; }

fresh() {
    PGOPTIONS='-c client_min_messages=warning' dropdb --if-exists "$1"
    createdb "$1"
}

for round in $(seq 1 "$rounds"); do
    fresh pgb_compare
    pgbench -i -q pgb_compare >/dev/null 2>&1
    tps=$(pgbench -c 8 -j 2 -T 20 pgb_compare 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p')

    fresh ledger_compare
    out=$(java -jar "$jar" bench-ledger --db-url "jdbc:postgresql://$PGHOST:$PGPORT/ledger_compare" \
        --db-user "$PGUSER" --db-password "${PGPASSWORD:-}" --seconds 20 --tables "$tables" --audit 2>&1)
    rate=$(printf '%s\n' "$out" | sed -n 's/^transfers\/s: \([0-9.]*\).*/\1/p')
    latency=$(printf '%s\n' "$out" | grep '^commit latency')
    audit=$(printf '%s\n' "$out" | tail -n 1)

    echo "round $round: pgbench $(printf '%.0f' "$tps") tps; ledger $rate transfers/s, $latency; ratio $(echo "$rate $tps" \
        | awk '{ printf "%.1fx", $1 / $2 }'); audit: $audit"
done
