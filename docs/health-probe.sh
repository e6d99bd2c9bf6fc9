#!/usr/bin/env bash
# Times GET /health every 200 ms from a process of its own (curl, from 127.0.0.2, an address no attack uses) until
# stopped with SIGTERM, then prints the figures: probes, answers that were not 200, p50/p99/max, and each answer that
# took a second or more, slowest first (wall clock, time to connect, time in all), to line up with the attack's phases and GC logs.
#   docs/health-probe.sh PORT [RECORD_FILE [LABEL]]
# Exit status 0 when every answer was 200 in under a second. docs/attack.sh runs it beside the attack, so that the
# attacking JVM's own pauses do not count against the server.
set -uo pipefail
PORT=$1
RECORD=${2:-$(mktemp /tmp/health-probe.XXXXXX)}
LABEL=${3:-/health}
: >"$RECORD"
running=1
trap 'running=0' TERM INT
while [ $running = 1 ]; do
  at=$(date -u +%H:%M:%S.%3N)
  line=$(curl -s -o /dev/null --interface 127.0.0.2 --max-time 10 \
      -w '%{http_code} %{time_connect} %{time_total}' "http://127.0.0.1:$PORT/health")
  echo "$at $line" >>"$RECORD"
  sleep 0.2 &
  wait $! 2>/dev/null
done
sort -k4 -g "$RECORD" | awk -v record="$RECORD" -v label="$LABEL" '
  { n++; total[n] = $4; if ($2 != "200") bad++; if ($4 >= 1 || $2 != "200") slow[++s] = $0 }
  END {
    if (n == 0) { print label " (from curl): no probe ran"; exit 1 }
    p50 = total[int((n - 1) * 0.50) + 1]; p99 = total[int((n - 1) * 0.99) + 1]; max = total[n]
    ok = (bad == 0 && max < 1)
    printf "%s (from curl, a process of its own): %d probes, %d not 200, p50 %.1f ms, p99 %.1f ms, max %.3f s: %s\n",
        label, n, bad, p50 * 1000, p99 * 1000, max, ok ? "stayed under a second" : "NOT under a second"
    for (i = s; i >= 1 && i > s - 20; i--) { split(slow[i], f, " "); printf "  slow: at %s, status %s, %.3f s to connect, %.3f s in all\n", f[1], f[2], f[3], f[4] }
    print "  every probe: " record
    exit ok ? 0 : 1
  }'
