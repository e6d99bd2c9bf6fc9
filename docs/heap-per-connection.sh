#!/usr/bin/env bash
# Heap per idle authenticated WebSocket: starts a server on a fresh embedded database, takes a class histogram (which
# forces a full GC) before and after COUNT connections say hello and stay idle, and prints the difference per
# connection with the classes that grew most. Not sensitive to CPU load: it counts live bytes, not time.
#   docs/heap-per-connection.sh [COUNT=10000] [PLAYERS=100]      (needs server/target/poker-server.jar, jcmd, python3)
set -euo pipefail
COUNT=${1:-10000}
PLAYERS=${2:-100}
PORT=${PORT:-18480}
cd "$(dirname "$0")/.."
JAR=server/target/poker-server.jar
[ -f "$JAR" ] || ./mvnw -B -o -q -pl server -am package -DskipTests
WORK=$(mktemp -d)
java ${SERVER_JAVA_OPTS:-} -jar "$JAR" serve --host 127.0.0.1 --port "$PORT" --data-dir "$WORK/data" >"$WORK/server.log" 2>&1 &
SERVER=$!
CLIENT=
cleanup() {
    [ -n "$CLIENT" ] && kill "$CLIENT" 2>/dev/null || true
    kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT
for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && break
    sleep 1
done
# Warm up: classes loaded, pools and caches made, so the baseline holds everything but the connections themselves.
java docs/perf/IdleSockets.java "$PORT" 20 2 0 >/dev/null
sleep 2
jcmd "$SERVER" GC.class_histogram >"$WORK/before.txt"
java docs/perf/IdleSockets.java "$PORT" "$COUNT" "$PLAYERS" 900 >"$WORK/client.log" 2>&1 &
CLIENT=$!
until grep -q holding "$WORK/client.log"; do
    kill -0 "$CLIENT" 2>/dev/null || { cat "$WORK/client.log"; exit 1; }
    sleep 1
done
sleep 3
jcmd "$SERVER" GC.class_histogram >"$WORK/after.txt"
python3 - "$WORK/before.txt" "$WORK/after.txt" "$COUNT" "$PLAYERS" <<'PY'
import re, sys
def read(path):
    classes = {}
    for line in open(path):
        m = re.match(r'\s*\d+:\s+(\d+)\s+(\d+)\s+(.+?)\s*(\(.*\))?$', line)
        if m:
            classes[m.group(3)] = (int(m.group(1)), int(m.group(2)))
    return classes
before, after, count, players = read(sys.argv[1]), read(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
grew = {c: (after[c][0] - before.get(c, (0, 0))[0], after[c][1] - before.get(c, (0, 0))[1]) for c in after}
total = sum(b for _, b in grew.values())
print(f"{count} idle authenticated connections ({players} players): {total / count:,.0f} bytes of heap each"
      f" ({total / count / 1024:.2f} KiB), live after a full GC")
print(f"{'per connection':>14} {'objects':>8}  class")
for c, (n, b) in sorted(grew.items(), key=lambda kv: -kv[1][1])[:25]:
    print(f"{b / count:>14,.1f} {n / count:>8.2f}  {c}")
PY
