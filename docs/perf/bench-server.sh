# Sourced by the benchmark scripts here: starts `serve` on a fresh embedded database in $WORK with $TABLES tables on
# $PORT, the JVM options given as arguments (SERVER_JAVA: another java, e.g. a newer JDK), stops it and removes $WORK
# on exit, and returns once it is ready.
# Sets SERVER (its pid); the server's log is $WORK/server.log.
start_bench_server() {
    "${SERVER_JAVA:-java}" "$@" -jar "$JAR" serve --host 127.0.0.1 --port "$PORT" --data-dir "$WORK/data" --tables "$TABLES" \
        --welcome-grant 100000 >"$WORK/server.log" 2>&1 &
    SERVER=$!
    trap 'kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
    for _ in $(seq 1 180); do
        curl -fs "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1 && return 0
        sleep 1
    done
}
# The bench server's PostgreSQL: its postmaster, then every backend and helper alive now. The server's own command line
# names the data directory too (--data-dir): only the process called postgres is the postmaster.
postgres_pids() {
    local postmaster
    for postmaster in $(pgrep -f "$WORK/data" || true); do
        [ "$(cat "/proc/$postmaster/comm" 2>/dev/null)" = postgres ] || continue
        echo "$postmaster"
        pgrep -P "$postmaster" || true
    done
}
