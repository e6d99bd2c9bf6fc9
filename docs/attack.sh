#!/usr/bin/env bash
# Attacks a server from outside, as issue 16's tester did, and prints what it withstood:
#   docs/attack.sh [FRAMES [IDLE_SOCKETS [DESCRIPTORS]]]     (defaults: 1000000 frames, 5000 sockets, 4096 descriptors)
# It builds the jar if needed, starts `serve` on a fresh embedded database under a descriptor limit lower than the
# number of silent sockets it will open, seats bots at two tables (real play mixed in with the fuzzing), runs
# `poker-server attack` (frames answered, INTERNAL answers, idle flood, login flood, the fuzz accounts' balance change,
# which must be 0) with docs/health-probe.sh timing /health from a process of its own on the management listener
# (under a second, every time; the exit status says so) and, for comparison, on the main port beside the attack,
# stops the server with SIGTERM and runs `audit`.
# On one machine the attacker's and bots' JVMs compete with the server for the same cores, which an attacker across
# the network does not: NICE_ATTACK=19 runs them at the lowest CPU priority to take that part out.
set -euo pipefail
FRAMES=${1:-1000000}
SOCKETS=${2:-5000}
DESCRIPTORS=${3:-4096}
cd "$(dirname "$0")/.."
JAR=server/target/poker-server.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
DATA=$(mktemp -d /tmp/chipledger-attack.XXXXXX)
PORT=${PORT:-18080}
MANAGEMENT_PORT=$((PORT + 1))
NICE_ATTACK=${NICE_ATTACK:-0}
LOG="$DATA/serve.log"
echo "serve under a limit of $DESCRIPTORS descriptors, data in $DATA"
prlimit --nofile="$DESCRIPTORS:$DESCRIPTORS" java ${SERVE_JAVA_OPTS:-} -Xlog:gc:file="$DATA/gc-serve.log":time -jar "$JAR" serve --data-dir "$DATA" --host 127.0.0.1 --port "$PORT" \
    --tables 2 --management-listen "127.0.0.1:$MANAGEMENT_PORT" --limit-loopback --max-connections-per-address 2000 --welcome-grants-per-address 1000 \
    --welcome-grant 100000 >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until grep -q '^ready:' "$LOG"; do
  kill -0 $SERVER 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 1
done
SECONDS_OF_PLAY=$(( FRAMES / 10000 + 120 ))
nice -n "$NICE_ATTACK" java -jar "$JAR" bots --url "ws://127.0.0.1:$PORT/ws" --tables 2 --seconds "$SECONDS_OF_PLAY" --think-ms 200 >"$DATA/bots.log" 2>&1 &
BOTS=$!
sleep 5
STATUS=0
bash docs/health-probe.sh "$MANAGEMENT_PORT" "$DATA/health.txt" "/health (management listener)" >"$DATA/health.log" &
PROBE=$!
bash docs/health-probe.sh "$PORT" "$DATA/health-main.txt" "/health (main port)" >"$DATA/health-main.log" &
MAIN_PROBE=$!
cpu_seconds() { awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$1/stat"; }
SERVER_CPU=$(cpu_seconds $SERVER)
ATTACK_STARTED=$(date +%s)
nice -n "$NICE_ATTACK" java -Xlog:gc:file="$DATA/gc-attack.log":time -jar "$JAR" attack --url "http://127.0.0.1:$PORT" --frames "$FRAMES" \
    --idle-sockets "$SOCKETS" --time-health=false || STATUS=$?
echo "server CPU during the attack: $(echo "$(cpu_seconds $SERVER) - $SERVER_CPU" | bc) s in $(( $(date +%s) - ATTACK_STARTED )) s" \
    "(two cores: at most twice the wall time); load average $(cut -d' ' -f1-3 /proc/loadavg)"
kill -TERM $PROBE $MAIN_PROBE
wait $PROBE || STATUS=1
wait $MAIN_PROBE || true
cat "$DATA/health.log" "$DATA/health-main.log"
wait $BOTS || true
echo "bots (real play meanwhile): $(tail -n 2 "$DATA/bots.log" | tr '\n' ' ')"
kill -TERM $SERVER
wait $SERVER || true
trap - EXIT
java -jar "$JAR" audit --data-dir "$DATA" || STATUS=$?
exit $STATUS
