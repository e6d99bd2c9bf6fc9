#!/usr/bin/env bash
# Attacks a server from outside, as issue 16's tester did, and prints what it withstood:
#   docs/attack.sh [FRAMES [IDLE_SOCKETS [DESCRIPTORS]]]     (defaults: 1000000 frames, 5000 sockets, 4096 descriptors)
# It builds the jar if needed, starts `serve` on a fresh embedded database under a descriptor limit lower than the
# number of silent sockets it will open, seats bots at two tables (real play mixed in with the fuzzing), runs
# `poker-server attack` (frames answered, INTERNAL answers, idle flood, login flood, the fuzz accounts' balance change,
# which must be 0) with docs/health-probe.sh timing /health from a process of its own (under a second, every time),
# stops the server with SIGTERM and runs `audit`.
set -euo pipefail
FRAMES=${1:-1000000}
SOCKETS=${2:-5000}
DESCRIPTORS=${3:-4096}
cd "$(dirname "$0")/.."
JAR=server/target/poker-server.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
DATA=$(mktemp -d /tmp/chipledger-attack.XXXXXX)
PORT=${PORT:-18080}
LOG="$DATA/serve.log"
echo "serve under a limit of $DESCRIPTORS descriptors, data in $DATA"
prlimit --nofile="$DESCRIPTORS:$DESCRIPTORS" java -Xlog:gc:file="$DATA/gc-serve.log":time -jar "$JAR" serve --data-dir "$DATA" --host 127.0.0.1 --port "$PORT" \
    --tables 2 --limit-loopback --max-connections-per-address 2000 --welcome-grants-per-address 1000 \
    --welcome-grant 100000 >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until grep -q '^ready:' "$LOG"; do
  kill -0 $SERVER 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 1
done
SECONDS_OF_PLAY=$(( FRAMES / 10000 + 120 ))
java -jar "$JAR" bots --url "ws://127.0.0.1:$PORT/ws" --tables 2 --seconds "$SECONDS_OF_PLAY" --think-ms 200 >"$DATA/bots.log" 2>&1 &
BOTS=$!
sleep 5
STATUS=0
bash docs/health-probe.sh "$PORT" "$DATA/health.txt" >"$DATA/health.log" &
PROBE=$!
java -Xlog:gc:file="$DATA/gc-attack.log":time -jar "$JAR" attack --url "http://127.0.0.1:$PORT" --frames "$FRAMES" \
    --idle-sockets "$SOCKETS" --time-health=false || STATUS=$?
kill -TERM $PROBE
wait $PROBE || STATUS=1
cat "$DATA/health.log"
wait $BOTS || true
echo "bots (real play meanwhile): $(tail -n 2 "$DATA/bots.log" | tr '\n' ' ')"
kill -TERM $SERVER
wait $SERVER || true
trap - EXIT
java -jar "$JAR" audit --data-dir "$DATA" || STATUS=$?
exit $STATUS
