#!/usr/bin/env bash
# Issue 23's latency goal: TABLES six-max tables of bots that think about THINK_MS before each action, server, bots and
# PostgreSQL on this machine. Prints the bots' own action-to-broadcast figures beside the server's
# (poker_action_broadcast_seconds: an action's frame read to the last frame of its broadcast written), the share of
# actions the server broadcast within 20 ms, the CPU each process used during play, and how many threads of each were
# kept waiting for a core on average (from /proc's schedstat: on a shared machine, what a tail is made of).
#   docs/perf/human-pace.sh [TABLES=2000] [SECONDS=120] [THINK_MS=2000]   (needs server/target/poker-server.jar)
set -euo pipefail
TABLES=${1:-2000}
SECONDS_=${2:-120}
THINK_MS=${3:-2000}
PORT=${PORT:-18497}
cd "$(dirname "$0")/../.."
JAR=${JAR:-server/target/poker-server.jar}
WORK=$(mktemp -d)
. docs/perf/bench-server.sh
# SERVER_OPTS: more options for the server's JVM, e.g. SERVER_OPTS=-XX:+UseZGC to try another collector.
start_bench_server -Xmx3g -Xlog:gc:file="$WORK/gc.log" ${SERVER_OPTS:-}
HZ=$(getconf CLK_TCK) # /proc counts CPU time in these ticks
cpu_seconds() { # user+system CPU seconds of a process and its children so far
    awk -v hz="$HZ" '{printf "%.2f", ($14 + $15 + $16 + $17) / hz}' "/proc/$1/stat" 2>/dev/null || echo 0
}
postgres_cpu() { # the postmaster (with the helpers it waited for) and every backend and helper alive now
    local total=0 pid
    for pid in $(postgres_pids); do total=$(echo "$total + $(cpu_seconds "$pid")" | bc); done
    echo "$total"
}
server_threads() { # "name ticks wait_ns runs" for each of the server's threads now, numbers in names folded (worker-3: worker-N)
    local task
    for task in /proc/"$SERVER"/task/*; do
        echo "$(sed -E 's/[0-9]+/N/g; s/ /_/g' "$task/comm" 2>/dev/null) $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0)" \
             "$(awk '{print $2, $3}' "$task/schedstat" 2>/dev/null || echo 0 0)"
    done
}
# The time threads spent runnable but waiting for a core (the second field of /proc/PID/task/TID/schedstat, in ns),
# summed over every thread of these processes: over a stretch of wall time, the average number of threads kept waiting.
# The third field counts the times a thread was put on a core: wait over runs is the mean wait before each run.
core_wait_ns() {
    local pid
    for pid in "$@"; do cat /proc/"$pid"/task/*/schedstat 2>/dev/null || true; done | awk '{n += $2} END {printf "%.0f", n}'
}
# BOTS_NICE: run the bots at this nice level (e.g. 19): they then take a core only when the server and PostgreSQL leave
# one, so the server's own figures show what it does with the machine to itself (the bots' own figures then include
# their wait for a core).
nice -n "${BOTS_NICE:-0}" java -Xmx4g -jar "$JAR" bots --url "ws://127.0.0.1:$PORT/ws" --tables "$TABLES" --seconds "$SECONDS_" \
    --think-ms "$THINK_MS" >"$WORK/bots.log" 2>&1 &
BOTS=$!
# Play starts once every bot is seated; the bots print that line.
until grep -q '^seated' "$WORK/bots.log" 2>/dev/null || ! kill -0 "$BOTS" 2>/dev/null; do sleep 1; done
curl -fs "http://127.0.0.1:$PORT/metrics" >"$WORK/before.txt"
S0=$(cpu_seconds "$SERVER"); B0=$(cpu_seconds "$BOTS"); P0=$(postgres_cpu); T0=$(date +%s.%N)
BW0=$(core_wait_ns "$BOTS"); PW0=$(core_wait_ns $(postgres_pids))
S1=$S0; B1=$B0; P1=$P0; T1=$T0; BW1=$BW0; PW1=$PW0
server_threads >"$WORK/threads0.txt"; cp "$WORK/threads0.txt" "$WORK/threads1.txt"
server_uptime() { jcmd "$SERVER" VM.uptime 2>/dev/null | awk '/ s$/ {print $1}'; } # seconds, as the GC log counts them
U0=$(server_uptime); U1=$U0
LOAD=()
# The last sample is taken 1-6 s before the bots stop playing: after it they leave their tables, and the cash-outs are not play.
while kill -0 "$BOTS" 2>/dev/null && [ "$(echo "$(date +%s.%N) - $T0 < $SECONDS_ - 6" | bc)" = 1 ]; do
    sleep 5
    LOAD+=("$(cut -d' ' -f1 /proc/loadavg)")
    curl -fs "http://127.0.0.1:$PORT/metrics" >"$WORK/after.txt" || true
    s=$(cpu_seconds "$SERVER"); b=$(cpu_seconds "$BOTS"); p=$(postgres_cpu); t=$(date +%s.%N); u=$(server_uptime)
    # A sample taken as the bots exit reads 0 for them: keep the last whole one.
    bw=$(core_wait_ns "$BOTS"); pw=$(core_wait_ns $(postgres_pids))
    if kill -0 "$BOTS" 2>/dev/null; then
        S1=$s; B1=$b; P1=$p; T1=$t; U1=$u; BW1=$bw; PW1=$pw; server_threads >"$WORK/threads1.txt"
    fi
done
wait "$BOTS" || true
grep -E '^seated|hands' "$WORK/bots.log" | tail -3
WALL=$(echo "$T1 - $T0" | bc)
echo "during play (${WALL%.*} s): server $(echo "scale=2; ($S1 - $S0) / $WALL" | bc) cores, bots" \
     "$(echo "scale=2; ($B1 - $B0) / $WALL" | bc) cores, PostgreSQL $(echo "scale=2; ($P1 - $P0) / $WALL" | bc) cores;" \
     "load average samples ${LOAD[*]}"
# The server's threads by kind (a thread that started during play counts from zero): the CPU each kind used, and how
# many of its threads were kept waiting for a core on average, with the mean wait before each run. A PostgreSQL backend
# that exited during play takes its wait with it (the pool's connections live through play).
awk -v wall="$WALL" -v hz="$HZ" -v pg="$(echo "scale=2; ($PW1 - $PW0) / 1000000000 / $WALL" | bc)" \
    -v bots="$(echo "scale=2; ($BW1 - $BW0) / 1000000000 / $WALL" | bc)" '
    FNR == NR {ticks[$1] -= $2; waited[$1] -= $3; runs[$1] -= $4; next}
    {ticks[$1] += $2; waited[$1] += $3; runs[$1] += $4}
    END {
        for (name in ticks) {
            cores = ticks[name] / hz / wall; waiting = waited[name] / 1e9 / wall; total += waiting
            if (cores >= 0.005) by_cpu[name] = cores
            if (waiting >= 0.005) by_wait[name] = waiting
        }
        print "server threads during play (cores): " largest_first(by_cpu, "%s %.3f", "")
        printf "threads waiting for a core during play (average): server %.2f, PostgreSQL %.2f, bots %.2f; server by thread: %s\n",
            total, pg, bots, largest_first(by_wait, "%s %.3f", " (%.2f ms a run)")
    }
    # "name value, name value, ..." from the largest value down; with a run format, the mean wait a run of each too.
    function largest_first(values, format, run_format,    line, name, best, found) {
        while (1) {
            found = 0
            for (name in values) if (!found || values[name] > values[best]) { best = name; found = 1 }
            if (!found) return substr(line, 3)
            line = line ", " sprintf(format, best, values[best])
            if (run_format != "") line = line sprintf(run_format, runs[best] > 0 ? waited[best] / runs[best] / 1e6 : 0)
            delete values[best]
        }
    }' "$WORK/threads0.txt" "$WORK/threads1.txt"
# The GC log's lines start with the server's uptime, [12.345s]: count the pauses of the sampled play only.
awk -v from="$U0" -v to="$U1" '/Pause/ {
        t = substr($1, 2) + 0; ms = $NF; sub(/ms$/, "", ms)
        if (t >= from && t <= to) { n++; if (ms + 0 > 20) over++; if (ms + 0 > max) max = ms + 0 }
    } END { printf "server GC pauses during play: %d, %d over 20 ms, longest %.1f ms\n", n, over, max }' "$WORK/gc.log"
# The server's histogram over play only (after minus before): count and share at or under each bound.
python3 - "$WORK/before.txt" "$WORK/after.txt" <<'PY'
import re, sys
def read(path):
    out = {}
    for line in open(path):
        m = re.match(r'(poker_(\w+)_seconds_(count|bucket))(\{[^}]*\})? (\S+)', line)
        if m:
            le = re.search(r'le="([^"]+)"', m.group(4) or '')
            out[(m.group(2), m.group(3), le.group(1) if le else '')] = float(m.group(5))
    return out
before, after = read(sys.argv[1]), read(sys.argv[2])
def delta(key):
    return after.get(key, 0) - before.get(key, 0)
for stage in ('action_broadcast', 'mailbox_wait', 'table_engine', 'ledger_commit', 'frame_write'):
    count = delta((stage, 'count', ''))
    if not count:
        continue
    bounds = sorted({float(k[2]) for k in after if k[0] == stage and k[1] == 'bucket' and k[2] != '+Inf'})
    shares = {b: delta((stage, 'bucket', repr(b) if repr(b) in [k[2] for k in after] else str(b))) / count for b in bounds}
    p50 = next((b for b in bounds if shares[b] >= 0.5), None)
    p99 = next((b for b in bounds if shares[b] >= 0.99), None)
    within20 = shares.get(0.02, float('nan'))
    def bound(b):
        return f"<= {b * 1000:g} ms" if b is not None else f"> {bounds[-1] * 1000:g} ms"
    print(f"server {stage}: {int(count)} in play, p50 {bound(p50)}, p99 {bound(p99)} (bucket bounds), "
          f"{within20:.1%} within 20 ms")
PY
