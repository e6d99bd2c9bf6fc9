#!/usr/bin/env bash
# Issue 23's throughput goal: TABLES six-max tables of zero-think bots, server, bots and PostgreSQL on this machine.
# Wall-clock hands/s moves with whatever else the machine runs, so this prints what the load hardly moves: the CPU
# the server's JVM and its PostgreSQL (every backend, the postmaster and its helpers) used per hand and per action
# during play, from /proc; hands/s beside the load average. With JFR=1 the server records a JFR profile of play only
# (settings=profile, from the first snapshot to the end) and its path is printed and kept.
#   docs/perf/zero-think.sh [TABLES=200] [SECONDS=60]     (needs server/target/poker-server.jar)
# WARMUP: seconds of play before the figures start (default 60): the server's JIT compiler is busy for the first minute
# or two of play (its C2 thread took a fifth of the machine 60 s in), and a figure taken then counts its compiling as
# the CPU of hands. The bots play WARMUP + SECONDS in all; their own line (hands, p50, p99) covers all of it.
# BOTS_JAR: the build whose bots play (default JAR), so two servers can be measured against the same load generator.
# SERVER_OPTS and BOTS_OPTS: more options for the server's and the bots' JVMs (e.g. SERVER_OPTS=-XX:+UseZGC).
set -euo pipefail
TABLES=${1:-200}
SECONDS_=${2:-60}
WARMUP=${WARMUP:-60}
PORT=${PORT:-18493}
cd "$(dirname "$0")/../.."
JAR=${JAR:-server/target/poker-server.jar}
WORK=$(mktemp -d)
. docs/perf/bench-server.sh
start_bench_server -Xmx2g ${SERVER_OPTS:-}
ticks() { # user+system clock ticks of a process, and of its children it has waited for
    awk '{print $14 + $15 + $16 + $17}' "/proc/$1/stat" 2>/dev/null || echo 0
}
postgres_ticks() { # the postmaster (its ticks hold its helpers that exited) and every backend and helper alive now
    local total=0 pid
    for pid in $(postgres_pids); do total=$((total + $(ticks "$pid"))); done
    echo "$total"
}
metric() { awk -v name="$1" '$1 == name {value = int($2)} END {print value + 0}' "$2"; } # 0 if the build has none
HZ=$(getconf CLK_TCK)
nice java -Xmx3g ${BOTS_OPTS:-} -jar "${BOTS_JAR:-$JAR}" bots --url "ws://127.0.0.1:$PORT/ws" --tables "$TABLES" --seconds "$((WARMUP + SECONDS_))" \
    >"$WORK/bots.log" 2>&1 &
BOTS=$!
until grep -q '^seated' "$WORK/bots.log" 2>/dev/null || ! kill -0 "$BOTS" 2>/dev/null; do sleep 1; done
sleep "$((WARMUP > 5 ? WARMUP : 5))" # the first hands start after the pause between hands, and the JIT compiler is at work
curl -fs "http://127.0.0.1:$PORT/metrics" >"$WORK/before.txt"
if [ "${JFR:-0}" = 1 ]; then
    PROFILE=$(mktemp --suffix=.jfr)
    jcmd "$SERVER" JFR.start name=play settings=profile >/dev/null
fi
S0=$(ticks "$SERVER"); P0=$(postgres_ticks); B0=$(ticks "$BOTS"); T0=$(date +%s.%N)
LOAD=()
while kill -0 "$BOTS" 2>/dev/null; do
    LOAD+=("$(cut -d' ' -f1 /proc/loadavg)")
    if curl -fs "http://127.0.0.1:$PORT/metrics" >"$WORK/now.txt"; then
        mv "$WORK/now.txt" "$WORK/after.txt"
        S1=$(ticks "$SERVER"); P1=$(postgres_ticks); B1=$(ticks "$BOTS"); T1=$(date +%s.%N)
    fi
    sleep 5
done
wait "$BOTS" || true
grep -E '^seated|hands' "$WORK/bots.log" | tail -2
HANDS=$(( $(metric poker_hands_settled_total "$WORK/after.txt") - $(metric poker_hands_settled_total "$WORK/before.txt") ))
ACTIONS=$(( $(metric poker_actions_total "$WORK/after.txt") - $(metric poker_actions_total "$WORK/before.txt") ))
STEPS=$(( $(metric poker_progress_steps "$WORK/after.txt") - $(metric poker_progress_steps "$WORK/before.txt") ))
STEP_BATCHES=$(( $(metric poker_progress_step_batches "$WORK/after.txt") - $(metric poker_progress_step_batches "$WORK/before.txt") ))
echo "progress steps: $STEPS in $STEP_BATCHES batches ($(python3 -c "print(f'{$STEPS / max($STEP_BATCHES, 1):.1f}')") a batch)"
python3 - "$HANDS" "$ACTIONS" "$((S1 - S0))" "$((P1 - P0))" "$((B1 - B0))" "$HZ" "$T0" "$T1" "${LOAD[*]}" <<'PY'
import sys
hands, actions, server, postgres, bots, hz = (int(x) for x in sys.argv[1:7])
wall = float(sys.argv[8]) - float(sys.argv[7])
server, postgres, bots = server / hz, postgres / hz, bots / hz
print(f"during play ({wall:.0f} s, load average samples {sys.argv[9]}): {hands} hands ({hands / wall:.1f} hands/s), "
      f"{actions} actions ({actions / max(hands, 1):.1f} a hand)")
print(f"CPU: server {server / wall:.2f} cores, PostgreSQL {postgres / wall:.2f}, bots {bots / wall:.2f}")
for name, seconds in (("server", server), ("PostgreSQL", postgres), ("server + PostgreSQL", server + postgres)):
    print(f"  {name:<20} {seconds * 1e3 / max(hands, 1):7.2f} ms a hand {seconds * 1e6 / max(actions, 1):7.0f} µs an action"
          f"  -> {max(hands, 1) / max(seconds, 1e-9):6.1f} hands per CPU-second")
PY
if [ -n "${PROFILE:-}" ]; then
    jcmd "$SERVER" JFR.dump name=play filename="$PROFILE" >/dev/null && echo "JFR profile of play: $PROFILE"
fi
