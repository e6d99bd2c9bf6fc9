#!/usr/bin/env bash
# Allocation per action of a short zero-think bot game, from JFR's allocation samples on the server (allocation is
# counted in bytes, so a loaded machine slows the run but hardly moves the figure). Prints bytes allocated per action
# in all and by the first frame of ours (io.chipledger) on the allocating stack, and by allocated class.
#   docs/perf/allocation-profile.sh [TABLES=20] [SECONDS=40]        (needs server/target/poker-server.jar, jfr, python3)
set -euo pipefail
TABLES=${1:-20}
SECONDS_=${2:-40}
PORT=${PORT:-18490}
cd "$(dirname "$0")/../.."
JAR=${JAR:-server/target/poker-server.jar}
WORK=$(mktemp -d)
. docs/perf/bench-server.sh
start_bench_server -Xmx1g -XX:StartFlightRecording=settings=profile,filename="$WORK/server.jfr"
# Samples from before the bots start are the server starting up; JFR prints each sample's wall-clock time (UTC here).
PLAY_FROM=$(date -u +%H:%M:%S.%3N)
java -Xmx1g -jar "$JAR" bots --url "ws://127.0.0.1:$PORT/ws" --tables "$TABLES" --seconds "$SECONDS_" | tail -3
curl -fs "http://127.0.0.1:$PORT/metrics" >"$WORK/metrics.txt"
ACTIONS=$(awk '/^poker_actions_total /{print int($2)}' "$WORK/metrics.txt")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# The per-stage timers (GameMetrics): count, mean, and the share at or under 1, 10 and 100 ms.
python3 - "$WORK/metrics.txt" <<'PY'
import re, sys
samples = {}
for line in open(sys.argv[1]):
    m = re.match(r'(poker_\w+_seconds_(?:count|sum|bucket))(\{[^}]*\})? (\S+)', line)
    if m:
        samples[(m.group(1), m.group(2) or '')] = float(m.group(3))
print(f"{'stage':<34}{'count':>9}{'mean ms':>10}{'<=1ms':>8}{'<=10ms':>8}{'<=100ms':>9}")
for stage in ('frame_decode', 'mailbox_wait', 'table_engine', 'ledger_commit', 'frame_encode', 'frame_write',
              'action_broadcast'):
    name = f'poker_{stage}_seconds'
    count = samples.get((name + '_count', ''), 0)
    if not count:
        continue
    mean = samples[(name + '_sum', '')] / count * 1000
    def share(le):
        return next((v / count for (k, labels), v in samples.items()
                     if k == name + '_bucket' and f'le="{le}"' in labels), float('nan'))
    print(f"{stage:<34}{int(count):>9}{mean:>10.3f}{share('0.001'):>8.0%}{share('0.01'):>8.0%}{share('0.1'):>9.0%}")
PY
jcmd "$SERVER" JFR.dump filename="$WORK/server.jfr" >/dev/null
jfr print --stack-depth 64 --events jdk.ObjectAllocationSample "$WORK/server.jfr" >"$WORK/samples.txt"
# Throwables made (JFR counts them all, caught or not, in a running total every second): an exception a row or a frame
# costs its stack trace, which the allocation samples show only in part.
jfr print --events jdk.ExceptionStatistics "$WORK/server.jfr" |
    awk -v from="$PLAY_FROM" -v actions="$ACTIONS" '
        /startTime/ { at = $3 }
        /throwables/ { if (at < from) before = $3; last = $3 }
        END { printf "throwables made during the game: %d (%.2f an action)\n", last - before, (last - before) / actions }'
python3 - "$WORK/samples.txt" "$ACTIONS" "$PLAY_FROM" <<'PY'
import re, sys, collections
text, actions, play_from = open(sys.argv[1]).read(), int(sys.argv[2]), sys.argv[3]
units = {'bytes': 1, 'kB': 1e3, 'MB': 1e6, 'GB': 1e9}
# Start-up and logins, not play: everything before the bots started (the embedded database, migrations, MyBatis,
# class initialisers, JFR's own), and the bots' password hashing after.
LOGINS = ('PasswordHasher',)
by_site, by_class, total, startup = collections.Counter(), collections.Counter(), 0.0, 0.0
for event in text.split('jdk.ObjectAllocationSample {')[1:]:
    cls = re.search(r'objectClass = (\S+)', event)
    weight = re.search(r'weight = ([\d.,]+) (bytes|kB|MB|GB)', event)
    if not cls or not weight:
        continue
    bytes_ = float(weight.group(1).replace(',', '')) * units[weight.group(2)]
    frames = re.findall(r'^\s+([\w$.<>]+)\(', event, re.M)
    at = re.search(r'startTime = (\S+)', event)
    if (at and at.group(1) < play_from) or any(marker in f for f in frames for marker in LOGINS):
        startup += bytes_
        continue
    ours = next((f for f in frames if f.startswith('io.chipledger')), frames[0] if frames else '?')
    by_site[ours] += bytes_
    by_class[cls.group(1)] += bytes_
    total += bytes_
print(f"{actions} actions; server allocated about {(total + startup) / 1e6:,.0f} MB in the recording, of which "
      f"{startup / 1e6:,.0f} MB starting up and hashing passwords; the rest, {total / max(actions, 1) / 1024:,.1f} KiB "
      f"per action (seating included)")
print("by first frame of ours (KiB per action):")
for site, b in by_site.most_common(15):
    print(f"  {b / max(actions, 1) / 1024:8.1f}  {site}")
print("by class (KiB per action):")
for cls, b in by_class.most_common(10):
    print(f"  {b / max(actions, 1) / 1024:8.1f}  {cls}")
PY
