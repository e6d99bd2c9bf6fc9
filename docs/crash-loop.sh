#!/bin/sh
# The promise under crashes, as one command: a server on its embedded database plays bot tables and is killed with
# SIGKILL in the middle of play, ROUNDS times (no shutdown hook runs; its PostgreSQL is left behind). Each start must
# stop the orphaned database, void the hands the crash cut short (every chip they took back to its seat) and give the
# seats back. At the end the server is started once more and stopped with SIGTERM; then no pot may hold a chip and
# `audit` must find every balance re-derived, chips conserved and every history unbroken.
#
# usage: docs/crash-loop.sh [ROUNDS] [TABLES]    (from the repository's top, after ./mvnw -B -q package -DskipTests)
# Defaults: 5 rounds, 40 tables of six bots. Uses port 18111 (PORT) and a fresh data directory under /tmp; exits
# non-zero if anything above fails.
set -u

rounds=${1:-5}
tables=${2:-40}
port=${PORT:-18111}
jar=server/target/poker-server.jar
data=$(mktemp -d /tmp/crash-loop.XXXXXX)
admin_password=crash-loop-admin-password
[ -f "$jar" ] || { echo "no $jar: build it first (./mvnw -B -q package -DskipTests)" >&2; exit 2; }

healthy() {
    for _ in $(seq 1 240); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")" = 200 ] && return 0
        sleep 0.5
    done
    echo "the server did not become healthy; its log: $1" >&2
    exit 1
}

recovered() {
    echo "$(grep -c 'was cut short; voided' "$1") hand(s) voided and" \
        "$(grep -c 'settled just before the server stopped' "$1") recorded from their draft"
}

metric() {
    curl -s "http://127.0.0.1:$port/metrics" | sed -n "s/^$1 \([0-9]*\).*/\1/p"
}

for round in $(seq 1 "$rounds"); do
    # Seats of killed rounds are kept for their players, so each round opens tables of its own for the bots.
    log="$data/serve-$round.log"
    java -Xmx1g -jar "$jar" serve --data-dir "$data/db" --port "$port" --tables $((round * tables)) \
        --welcome-grant 100000 >"$log" 2>&1 &
    server=$!
    healthy "$log"
    java -jar "$jar" bots --url "ws://127.0.0.1:$port/ws" --tables "$tables" --seconds 120 >"$data/bots-$round.log" 2>&1 &
    bots=$!
    sleep $((15 + $(od -An -N1 -tu1 /dev/urandom) % 15))
    settled=$(metric poker_hands_settled_total)
    kill -KILL "$server"
    wait "$server" 2>/dev/null
    kill "$bots" 2>/dev/null
    wait "$bots" 2>/dev/null
    echo "round $round: its start found $(recovered "$log"); killed with SIGKILL after $settled hands settled"
done

log="$data/serve-final.log"
POKER_ADMIN_PASSWORD=$admin_password java -Xmx1g -jar "$jar" serve --admin root --data-dir "$data/db" \
    --port "$port" >"$log" 2>&1 &
server=$!
healthy "$log"
echo "final start: found $(recovered "$log")"
token=$(curl -s -X POST -d "{\"name\":\"root\",\"password\":\"$admin_password\"}" "http://127.0.0.1:$port/api/login" \
    | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
totals=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/admin/dashboard" \
    | sed -n 's/.*"totalsByKind":\[\([^]]*\)\].*/\1/p')
echo "ledger totals by kind: $totals"
kill -TERM "$server"
wait "$server"
failed=0
grep -q '"kind":"POT","accounts":[0-9]*,"total":"0.00"' <<EOF || { echo "FAILED: chips left in pots" >&2; failed=1; }
$totals
EOF
java -jar "$jar" audit --data-dir "$data/db" || failed=1
if grep -l ' ERROR ' "$data"/serve-*.log; then
    echo "FAILED: errors in the server logs above" >&2
    failed=1
fi
[ "$failed" = 0 ] && [ -z "${KEEP:-}" ] && rm -rf "$data"
exit "$failed"
