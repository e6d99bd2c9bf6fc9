#!/usr/bin/env bash
# Game nodes on a shared ledger, under faults: sourced by docs/cluster.sh (after the ledger's own faults, on the HA
# ledger), or run alone against any PostgreSQL: `docs/cluster/game-nodes.sh [--short]` with POKER_DB_URL (+ USER,
# PASSWORD) and GAME_PSQL_ARGS set, e.g. GAME_PSQL_ARGS="-h 127.0.0.1 -p 5432 -U postgres -d chipledger".
#
# Three `poker-server serve --node` processes share the database; node-a opens 12 tables and bots sit at all of them
# (four a table), following their table when it moves (`bots --follow-via`) and writing down every chip movement the
# server acknowledged to them (`bots --acked`); node-b and node-c start, and node-a hands tables over to them between
# hands until each has its share. Then:
#   1. SIGKILL of node-b under load: only its tables move (their leases run out, the others claim them, voiding the hands
#      node-b had in play); for each, the time from the kill until it deals a hand again; the hands voided.
#   2. SIGSTOP of node-c until the others have claimed its tables, then SIGCONT: its postings refused FENCED (one log
#      line each), and none committed under a stale epoch (two checks in the journal, below).
#   3. A rolling restart (SIGTERM, then start again) of every node: each drains, handing its tables over between hands;
#      zero hands voided.
# On the HA ledger (docs/cluster.sh, which sources ledger-ha.sh), the database's faults while the nodes serve the bots:
#   4. SIGKILL of the Patroni leader (Patroni and its PostgreSQL): the time until a new leader, until every node's
#      /health/ready answers 200 again (polled 4 times a second), until every table deals a hand again; the hands
#      voided, the tables moved, the commits whose answer was lost and how each was resolved (the nodes' log lines),
#      and the pauses and resumptions the bots were told (`bots --notices`).
#   5. Both standbys stopped (synchronous_mode_strict: commits wait): over 10 s, what was acknowledged to bots, the
#      hands settled and committed, each node's readiness, the tables told paused; then one standby started again: the
#      time until acknowledgements resume, every table deals a new hand, every node is ready; the tables told resumed.
# After each fault: `poker-server audit` exits 0, no chips in the pot of a table with no hand in play, every currency's
# balances sum to zero, every posting acknowledged to a bot is in the journal, no posting under a stale epoch.
#
# Needs: $JAR, $CLUSTER_DIR, POKER_DB_URL (+ USER/PASSWORD) exported, and GAME_PSQL (psql and its connection options).

GAME_LEASE=${GAME_LEASE:-PT4S}
GAME_BASE_PORT=${GAME_BASE_PORT:-18571}
GAME_PORTS=("$GAME_BASE_PORT" $((GAME_BASE_PORT + 1)) $((GAME_BASE_PORT + 2)))
GAME_NODES=(node-a node-b node-c)
GAME_PIDS=()
GAME_TABLES=12
GAME_CHECKS_FAILED=0

game_port() { case "$1" in node-a) echo "${GAME_PORTS[0]}" ;; node-b) echo "${GAME_PORTS[1]}" ;; *) echo "${GAME_PORTS[2]}" ;; esac; }
game_log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$CLUSTER_DIR/game-nodes.log"; }
game_rows() { "${GAME_PSQL[@]}" -c "SET search_path = chipledger; $1"; }
game_sql() { game_rows "$1" | tail -1; }
game_lease_seconds() { local s=${GAME_LEASE#PT}; echo "${s%S}"; }

# Starts a game node in the background (more serve options may follow the name); waits until it is ready.
game_node_up() {
    local name=$1
    shift
    local port starts
    port=$(game_port "$name")
    starts=$(( $(cat "$CLUSTER_DIR/$name.starts" 2>/dev/null || echo 0) + 1 ))
    echo "$starts" >"$CLUSTER_DIR/$name.starts"
    java -Xmx384m -XX:+UseSerialGC -jar "$JAR" serve --node "$name" --advertise "http://127.0.0.1:$port" \
        --host 127.0.0.1 --port "$port" --table-lease "$GAME_LEASE" --welcome-grant 100000 "$@" \
        >>"$CLUSTER_DIR/$name.out" 2>>"$CLUSTER_DIR/$name.err" &
    echo $! >"$CLUSTER_DIR/$name.node-pid"
    GAME_PIDS+=($!)
    local waited=0
    until [ "$(grep -c '^ready: ' "$CLUSTER_DIR/$name.out" 2>/dev/null)" -ge "$starts" ]; do
        sleep 0.5
        waited=$((waited + 1))
        kill -0 "$(game_node_pid "$name")" 2>/dev/null || { echo "$name stopped while starting:" >&2; tail -20 "$CLUSTER_DIR/$name.err" >&2; return 1; }
        [ "$waited" -lt 360 ] || { echo "$name did not start in 180 s:" >&2; tail -20 "$CLUSTER_DIR/$name.err" >&2; return 1; }
    done
}
game_node_pid() { cat "$CLUSTER_DIR/$1.node-pid"; }
game_tables_of() { game_sql "SELECT count(*) FROM lease WHERE holder = '$1' AND name LIKE 'table:%' AND expires_at > now()"; }
game_table_ids_of() { game_rows "SELECT substr(name, 7) FROM lease WHERE holder = '$1' AND name LIKE 'table:%'
    AND expires_at > now() ORDER BY 1" | paste -sd, -; }
game_tables_served() { game_sql "SELECT count(*) FROM lease l JOIN poker_table t ON l.name = 'table:' || t.id
    WHERE t.status <> 'CLOSED' AND l.expires_at > now()"; }
game_voided() { game_sql "SELECT count(*) FROM hand WHERE status = 'VOIDED'"; }
game_settled() { game_sql "SELECT count(*) FROM hand WHERE status = 'SETTLED'"; }
game_now() { game_sql "SELECT clock_timestamp()"; }
# Who holds each table's lease at which epoch, one "table:ID HOLDER EPOCH" a line.
game_holders() { game_rows "SELECT name || ' ' || holder || ' ' || epoch FROM lease WHERE name LIKE 'table:%' ORDER BY name"; }
game_log_lines() { local n; n=$(grep -c "$2" "$CLUSTER_DIR/$1.err" 2>/dev/null) || true; echo "${n:-0}"; }

# For each table of the list (ids, comma-separated): the seconds from $1 (a database timestamp) until its first hand
# dealt after it, waiting up to 180 s for every one; prints "ID:SECONDS" a table, space-separated.
game_await_dealing() {
    local since=$1 ids=$2 waited=0 count
    count=$(echo "$ids" | tr ',' '\n' | grep -c .)
    until [ "$(game_sql "SELECT count(DISTINCT table_id) FROM hand WHERE table_id IN ($ids) AND started_at > '$since'")" -ge "$count" ]; do
        sleep 0.5
        waited=$((waited + 1))
        [ "$waited" -lt 360 ] || { echo "not every moved table dealt again within 180 s" >&2; break; }
    done
    game_rows "SELECT t.id || ':' || coalesce(to_char(extract(epoch FROM min(h.started_at) - '$since'::timestamptz), 'FM990.0'), 'never')
        FROM poker_table t LEFT JOIN hand h ON h.table_id = t.id AND h.started_at > '$since'
        WHERE t.id IN ($ids) GROUP BY t.id ORDER BY t.id" | paste -sd' ' -
}
game_slowest() { tr ' ' '\n' | cut -d: -f2 | sort -g | tail -1; }

# Tables whose holder or epoch changed between two game_holders listings, other than the tables of the list given.
game_moved_besides() {
    local before=$1 after=$2 ids=",$3,"
    join <(sort "$before") <(sort "$after") | awk -v ids="$ids" '{ id = substr($1, 7) } ($2 != $4 || $3 != $5) && index(ids, "," id ",") == 0' | wc -l
}

# The checks, after each fault and at the end; one line, also in $CLUSTER_DIR/game-checks.log. Sets GAME_CHECKS_FAILED.
game_checks() {
    local label=$1 audit pots unconserved acked missing stale_time stale_order
    java -Xmx256m -XX:+UseSerialGC -jar "$JAR" audit >"$CLUSTER_DIR/game-audit-$label.out" 2>&1 && audit=0 || audit=$?
    # A pot holds chips only while its table has a hand open; one statement, so one snapshot.
    pots=$(game_sql "SELECT count(*) FROM account a WHERE a.kind = 'POT' AND a.owner_ref LIKE 'table:%' AND a.balance <> 0
        AND NOT EXISTS (SELECT 1 FROM hand h WHERE h.status = 'OPEN' AND a.owner_ref = 'table:' || h.table_id)")
    unconserved=$(game_sql "SELECT count(*) FROM (SELECT currency FROM account GROUP BY currency HAVING sum(balance) <> 0) c")
    cp "$CLUSTER_DIR/game-acked.tsv" "$CLUSTER_DIR/game-acked-$label.tsv"
    acked=$(wc -l <"$CLUSTER_DIR/game-acked-$label.tsv")
    missing=$(game_acked_missing "$CLUSTER_DIR/game-acked-$label.tsv")
    # A posting made under epoch e after the claim of e+1 (by the time its node stamped on it)...
    stale_time=$(game_sql "SELECT count(*) FROM posting p JOIN lease_claim c ON c.name = p.fence_name
        AND c.epoch > p.fence_epoch WHERE p.created_at > c.claimed_at")
    # ...and, whatever the clocks, in commit order: an account's entries follow its versions, so a posting of a table
    # that committed after one of the same table's later epoch on the same account shows as an epoch going back.
    stale_order=$(game_sql "SELECT count(*) FROM (SELECT p.fence_epoch, lag(p.fence_epoch) OVER (PARTITION BY e.account_id,
        p.fence_name ORDER BY e.version) AS before FROM entry e JOIN transfer t ON t.id = e.transfer_id
        JOIN posting p ON p.id = t.posting_id WHERE p.fence_name IS NOT NULL) x WHERE x.fence_epoch < x.before")
    echo "$label: audit exit $audit ($(tail -1 "$CLUSTER_DIR/game-audit-$label.out")); pots holding chips with no hand" \
        "in play: $pots; currencies whose balances do not sum to zero: $unconserved; acknowledged to bots: $acked," \
        "missing from the journal: $missing; postings under a stale epoch: $stale_time by time, $stale_order by commit order" \
        | tee -a "$CLUSTER_DIR/game-checks.log"
    if [ "$audit" != 0 ] || [ "$pots" != 0 ] || [ "$unconserved" != 0 ] || [ "$missing" != 0 ] \
        || [ "$stale_time" != 0 ] || [ "$stale_order" != 0 ]; then
        GAME_CHECKS_FAILED=1
    fi
}

# How many of the bots' acknowledgements (bots --acked: kind, table, player, request or hand) the journal lacks.
game_acked_missing() {
    (echo "SET search_path = chipledger; CREATE TEMP TABLE acked (kind text, table_id bigint, player text, ref text);"
     echo "COPY acked FROM STDIN;"
     cat "$1"
     printf '\\.\n'
     cat <<'SQL'
SELECT count(*) FROM acked a LEFT JOIN player pl ON lower(pl.name) = lower(a.player) WHERE NOT CASE a.kind
    WHEN 'buyin' THEN EXISTS (SELECT 1 FROM posting p
        WHERE p.idempotency_key = 'buyin:t' || a.table_id || ':p' || pl.id || ':' || a.ref)
    WHEN 'topup' THEN EXISTS (SELECT 1 FROM posting p
        WHERE p.idempotency_key = 'topup:t' || a.table_id || ':p' || pl.id || ':' || a.ref)
    WHEN 'cashout' THEN EXISTS (SELECT 1 FROM posting p
        WHERE p.idempotency_key = 'cashout:buyin:t' || a.table_id || ':p' || pl.id || ':' || a.ref)
    WHEN 'hand' THEN EXISTS (SELECT 1 FROM hand h WHERE h.id = a.ref::bigint AND h.table_id = a.table_id
            AND h.status = 'SETTLED')
        AND EXISTS (SELECT 1 FROM posting p WHERE p.hand_ref = 'h' || a.ref)
    WHEN 'voided' THEN EXISTS (SELECT 1 FROM hand h WHERE h.id = a.ref::bigint AND h.status = 'VOIDED')
        AND (EXISTS (SELECT 1 FROM posting p WHERE p.idempotency_key = 'void:h' || a.ref)
             OR NOT EXISTS (SELECT 1 FROM posting p WHERE p.hand_ref = 'h' || a.ref))
    ELSE false END;
SQL
    ) | "${GAME_PSQL[@]}" | tail -1
}

# --- The database's faults while the game nodes serve bots (only on the HA ledger of docs/cluster/ledger-ha.sh) ---

# Every node's /health/ready, polled about 4 times a second into a file: "EPOCH_SECONDS CODE_A CODE_B CODE_C" a line
# (000: no answer within a second). game_ready_poll_stop ends it.
game_ready_poll_start() {
    local file=$1
    (
        while :; do
            line=$(date +%s.%N)
            for port in "${GAME_PORTS[@]}"; do
                line="$line $(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)"
            done
            echo "$line" >>"$file"
            sleep 0.25
        done
    ) &
    GAME_READY_POLLER=$!
}
game_ready_poll_stop() {
    [ -z "${GAME_READY_POLLER:-}" ] || { kill "$GAME_READY_POLLER" 2>/dev/null || true; wait "$GAME_READY_POLLER" 2>/dev/null || true; }
    GAME_READY_POLLER=
}
game_all_ready() {
    local port
    for port in "${GAME_PORTS[@]}"; do
        [ "$(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://127.0.0.1:$port/health/ready" || true)" = 200 ] || return 1
    done
}
# From a poll file: "node-a 12/40 node-b ..." the polls answering 503 of those between two epoch times, per node.
game_ready_503s() {
    awk -v from="$2" -v to="$3" '$1 >= from && $1 <= to { n++; for (c = 2; c <= 4; c++) if ($c == 503) u[c]++ }
        END { printf "node-a %d/%d, node-b %d/%d, node-c %d/%d 503", u[2], n, u[3], n, u[4], n }' "$1"
}
# From a poll file: seconds from $2 until the first poll when every node went 503 (or "never"), and from $2 until
# every node answered 200 again for good (the poll after the last one with any other answer; "0.0" if none).
game_ready_times() {
    awk -v from="$2" '$1 >= from {
            all = ($2 == 503 && $3 == 503 && $4 == 503)
            if (all && first == "") first = $1 - from
            ok = ($2 == 200 && $3 == 200 && $4 == 200)
            if (!ok) { bad = $1; back = "" } else if (bad != "" && back == "") back = $1 - from
        }
        END { printf "%s %s", first == "" ? "never" : sprintf("%.1f", first),
              bad == "" ? "0.0" : (back == "" ? "not-yet" : sprintf("%.1f", back)) }' "$1"
}
# From the bots' notices (lines after the first $1): how many tables were told $2 (paused|resumed), and the seconds from
# epoch $3 (the moment $4 names) until the last of them was first told (either way: an unnumbered notice or the
# numbered event): "N tables, the last S s after $4".
game_told() {
    local last
    last=$(tail -n +"$(($1 + 1))" "$CLUSTER_DIR/game-notices.tsv" | awk -F'\t' -v what="$2" '$3 == what && !($2 in t) { t[$2] = $1 }
        END { n = 0; m = ""; for (k in t) { n++; if (t[k] > m) m = t[k] } print n " " m }')
    if [ "${last% *}" = 0 ]; then echo "0 tables"; else
        echo "${last% *} tables, the last $(awk -v a="$3" -v b="$(date -d "${last#* }" +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s after $4"
    fi
}
game_since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
game_db_time() { date -u -d "@$1" '+%Y-%m-%d %H:%M:%S.%N+00'; }
game_open_table_ids() { game_rows "SELECT id FROM poker_table WHERE status <> 'CLOSED' ORDER BY id" | paste -sd, -; }
# Lines matching a pattern in every game node's log, summed.
game_all_log_lines() { cat "$CLUSTER_DIR"/node-?.err 2>/dev/null | grep -c -- "$1" || true; }
game_acked_lines() { wc -l <"$CLUSTER_DIR/game-acked.tsv"; }
game_notice_lines() { wc -l 2>/dev/null <"$CLUSTER_DIR/game-notices.tsv" || echo 0; }
# Patroni members that run PostgreSQL as a replica and replicate (GET /replica answers 200).
game_replicas() {
    local m n=0
    for m in 1 2 3; do
        [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$(rest_port "$m")/replica" || true)" = 200 ] && n=$((n + 1))
    done
    echo "$n"
}
# The log lines of the ledger's lost commits and outages, counted in every game node's log: "NAME=COUNT ...".
GAME_COMMIT_PATTERNS=("the connection broke while a batch of" "had happened; its postings stand"
    "had not happened; applying it again" "failed and its outcome is unknown" "the database is unavailable"
    "the database is back" "refused as FENCED under" "the hand's progress was not stored")
game_commit_counts() {
    local p
    for p in "${GAME_COMMIT_PATTERNS[@]}"; do printf '%s\n' "$(game_all_log_lines "$p")"; done | paste -sd' ' -
}
# The same counts' differences between two game_commit_counts, as a sentence.
game_commit_story() {
    read -r -a b <<<"$1"
    read -r -a a <<<"$2"
    echo "$((a[0] - b[0])) batch(es) whose commit answer was lost, resolved by key: $((a[1] - b[1])) had committed" \
        "(kept), $((a[2] - b[2])) had not (applied again); $((a[3] - b[3])) batch(es) failed with the outcome unknown;" \
        "nodes logged the database unavailable $((a[4] - b[4])) time(s), back $((a[5] - b[5])); $((a[6] - b[6])) posting(s)" \
        "refused FENCED, $((a[7] - b[7])) write(s) of a hand's progress not stored"
}

# 4. SIGKILL of the Patroni leader (Patroni and its PostgreSQL) while the three nodes serve the bots.
game_db_fault_leader() {
    local i name pid dir leader new_leader killed_at kill_ts ids before_voided commits_before notices_before waited
    leader=$(ledger_leader) || { echo "no database leader to kill" >&2; return 1; }
    i=${leader#pg}
    ids=$(game_open_table_ids)
    GAME_LEADER_TABLES=$(echo "$ids" | tr ',' '\n' | grep -c .)
    before_voided=$(game_voided)
    commits_before=$(game_commit_counts)
    notices_before=$(game_notice_lines)
    game_holders >"$CLUSTER_DIR/holders-before-leader-kill.txt"
    : >"$CLUSTER_DIR/ready-leader-kill.txt"
    game_ready_poll_start "$CLUSTER_DIR/ready-leader-kill.txt"
    sleep 1
    game_log "db fault 4: SIGKILL of the database leader $leader (Patroni pid $(daemon_pid "patroni$i"), postmaster pid $(postmaster_pid "$i")) while $GAME_LEADER_TABLES tables play; $(game_settled) hands settled so far (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    kill -KILL "$(daemon_pid "patroni$i")" "$(postmaster_pid "$i")"
    killed_at=$(date +%s.%N)
    kill_ts=$(game_db_time "$killed_at")
    waited=0
    until new_leader=$(ledger_leader) && [ "$new_leader" != "$leader" ]; do
        sleep 0.2
        waited=$((waited + 1))
        [ "$waited" -lt 900 ] || { echo "no new database leader within 180 s" >&2; break; }
    done
    GAME_LEADER_NEW=$(game_since "$killed_at")
    game_log "db fault 4: ${new_leader:-nobody} leads after $GAME_LEADER_NEW s"
    waited=0
    until game_all_ready; do
        sleep 0.25
        waited=$((waited + 1))
        [ "$waited" -lt 720 ] || { echo "not every node ready within 180 s of the new leader" >&2; break; }
    done
    GAME_LEADER_DEALING=$(game_await_dealing "$kill_ts" "$ids" 2>/dev/null)
    GAME_LEADER_DEALT_ALL=$(echo "$GAME_LEADER_DEALING" | game_slowest)
    sleep 2
    game_ready_poll_stop
    read -r GAME_LEADER_ALL_503 GAME_LEADER_READY <<<"$(game_ready_times "$CLUSTER_DIR/ready-leader-kill.txt" "$killed_at")"
    GAME_LEADER_VOIDED=$(( $(game_voided) - before_voided ))
    game_holders >"$CLUSTER_DIR/holders-after-leader-kill.txt"
    GAME_LEADER_MOVED=$(game_moved_besides "$CLUSTER_DIR/holders-before-leader-kill.txt" "$CLUSTER_DIR/holders-after-leader-kill.txt" "")
    GAME_LEADER_COMMITS=$(game_commit_story "$commits_before" "$(game_commit_counts)")
    GAME_LEADER_UNKNOWN=$(( $(game_all_log_lines "failed and its outcome is unknown") - $(echo "$commits_before" | cut -d' ' -f4) ))
    GAME_LEADER_NOTICES="paused: $(game_told "$notices_before" paused "$killed_at" "the kill"); resumed: $(game_told "$notices_before" resumed "$killed_at" "the kill")"
    game_log "db fault 4: every node ready again $GAME_LEADER_READY s after the kill (all three 503 after ${GAME_LEADER_ALL_503} s); every table dealing again after (table:s) $GAME_LEADER_DEALING; $GAME_LEADER_VOIDED hand(s) voided; $GAME_LEADER_MOVED table(s) moved to another node"
    game_log "db fault 4: $GAME_LEADER_COMMITS"
    game_log "db fault 4: notices to the bots: $GAME_LEADER_NOTICES"
    game_checks after-leader-kill
    GAME_CHECK_LEADER=$(tail -1 "$CLUSTER_DIR/game-checks.log")
    # The old leader rejoins as a standby (pg_rewind drops whatever it alone had: never acknowledged).
    start_patroni "$i"
}

# 5. Both standbys stopped while the nodes serve the bots: commits wait (synchronous_mode_strict); then one is back.
game_db_fault_standbys() {
    local i name pid dir leader m standbys=() stopped_at t1 t2 acked1 acked2 settled1 settled2 max_hand back_at waited
    local notices_before ids commits_before before_voided
    waited=0
    until [ "$(game_replicas)" -ge 2 ]; do
        sleep 0.5
        waited=$((waited + 1))
        [ "$waited" -lt 240 ] || { echo "the old leader did not rejoin as a replica within 120 s" >&2; break; }
    done
    leader=$(ledger_leader) || { echo "no database leader" >&2; return 1; }
    for m in 1 2 3; do [ "pg$m" = "$leader" ] || standbys+=("$m"); done
    ids=$(game_open_table_ids)
    notices_before=$(game_notice_lines)
    commits_before=$(game_commit_counts)
    before_voided=$(game_voided)
    game_holders >"$CLUSTER_DIR/holders-before-no-standby.txt"
    : >"$CLUSTER_DIR/ready-no-standby.txt"
    game_ready_poll_start "$CLUSTER_DIR/ready-no-standby.txt"
    game_log "db fault 5: stopping both standbys pg${standbys[0]} pg${standbys[1]} (leader $leader); $(game_settled) hands settled so far"
    for m in "${standbys[@]}"; do stop_daemon "patroni$m" 30; done
    stopped_at=$(date +%s.%N)
    sleep 8 # the commits sent by then were acknowledged, or wait; a commit stuck 5 s counts as the database lost
    t1=$(date +%s.%N)
    acked1=$(game_acked_lines)
    settled1=$(game_settled)
    max_hand=$(game_sql "SELECT coalesce(max(id), 0) FROM hand")
    sleep 10
    t2=$(date +%s.%N)
    acked2=$(game_acked_lines)
    settled2=$(game_settled)
    GAME_NOSB_ACKED=$((acked2 - acked1))
    GAME_NOSB_SETTLED=$((settled2 - settled1))
    GAME_NOSB_NEW_HANDS=$(game_sql "SELECT count(*) FROM hand WHERE id > $max_hand")
    GAME_NOSB_WINDOW=$(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.1f", b - a }')
    GAME_NOSB_WINDOW_FROM=$(awk -v a="$stopped_at" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
    GAME_NOSB_READY=$(game_ready_503s "$CLUSTER_DIR/ready-no-standby.txt" "$t1" "$t2")
    GAME_NOSB_PAUSED=$(game_told "$notices_before" paused "$stopped_at" "both standbys stopped")
    game_log "db fault 5: in $GAME_NOSB_WINDOW s with no standby (from $GAME_NOSB_WINDOW_FROM s after both stopped): $GAME_NOSB_ACKED acknowledged to bots, $GAME_NOSB_SETTLED hands settled, $GAME_NOSB_NEW_HANDS hands committed; readiness: $GAME_NOSB_READY; told paused: $GAME_NOSB_PAUSED"
    start_patroni "${standbys[0]}"
    back_at=$(date +%s.%N)
    waited=0
    until [ "$(game_acked_lines)" -gt "$acked2" ]; do
        sleep 0.2
        waited=$((waited + 1))
        [ "$waited" -lt 900 ] || { echo "nothing acknowledged within 180 s of a standby's return" >&2; break; }
    done
    GAME_NOSB_ACKS_BACK=$(game_since "$back_at")
    waited=0
    until [ "$(game_sql "SELECT count(DISTINCT table_id) FROM hand WHERE id > $max_hand AND table_id IN ($ids)" 2>/dev/null)" -ge "$(echo "$ids" | tr ',' '\n' | grep -c .)" ] 2>/dev/null; do
        sleep 0.25
        waited=$((waited + 1))
        [ "$waited" -lt 720 ] || { echo "not every table dealt again within 180 s of a standby's return" >&2; break; }
    done
    GAME_NOSB_DEALING=$(game_since "$back_at")
    waited=0
    until game_all_ready; do
        sleep 0.25
        waited=$((waited + 1))
        [ "$waited" -lt 480 ] || { echo "not every node ready within 120 s of a standby's return" >&2; break; }
    done
    sleep 2
    game_ready_poll_stop
    read -r _ GAME_NOSB_READY_BACK <<<"$(game_ready_times "$CLUSTER_DIR/ready-no-standby.txt" "$back_at")"
    GAME_NOSB_RESUMED=$(game_told "$notices_before" resumed "$back_at" "the standby started")
    GAME_NOSB_COMMITS=$(game_commit_story "$commits_before" "$(game_commit_counts)")
    GAME_NOSB_VOIDED=$(( $(game_voided) - before_voided ))
    game_holders >"$CLUSTER_DIR/holders-after-no-standby.txt"
    GAME_NOSB_MOVED=$(game_moved_besides "$CLUSTER_DIR/holders-before-no-standby.txt" "$CLUSTER_DIR/holders-after-no-standby.txt" "")
    game_log "db fault 5: pg${standbys[0]} started again: acknowledgements resumed after $GAME_NOSB_ACKS_BACK s, every table dealt a new hand after $GAME_NOSB_DEALING s, every node ready after $GAME_NOSB_READY_BACK s; told resumed: $GAME_NOSB_RESUMED; $GAME_NOSB_VOIDED hand(s) voided, $GAME_NOSB_MOVED table(s) moved to another node"
    game_log "db fault 5: $GAME_NOSB_COMMITS"
    start_patroni "${standbys[1]}"
    game_checks after-no-standby
    GAME_CHECK_NOSB=$(tail -1 "$CLUSTER_DIR/game-checks.log")
}

game_nodes_run() {
    local phase=$1
    : >"$CLUSTER_DIR/game-acked.tsv"
    game_log "game nodes: node-a opens $GAME_TABLES tables; bots sit at them (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    game_node_up node-a --tables "$GAME_TABLES" || return 1
    local a_http="http://127.0.0.1:${GAME_PORTS[0]}" b_http="http://127.0.0.1:${GAME_PORTS[1]}" c_http="http://127.0.0.1:${GAME_PORTS[2]}"
    # Played until SIGTERM, after the last fault; --seconds is only a bound.
    java -Xmx384m -XX:+UseSerialGC -jar "$JAR" bots --url "ws://127.0.0.1:${GAME_PORTS[0]}/ws" --tables "$GAME_TABLES" \
        --per-table 4 --seconds 3600 --think-ms 200 --follow-via "$a_http,$b_http,$c_http" \
        --acked "$CLUSTER_DIR/game-acked.tsv" --notices "$CLUSTER_DIR/game-notices.tsv" >"$CLUSTER_DIR/game-bots.out" 2>"$CLUSTER_DIR/game-bots.err" &
    GAME_BOTS=$!
    until grep -q "^seated" "$CLUSTER_DIR/game-bots.out" 2>/dev/null; do
        sleep 0.5
        kill -0 "$GAME_BOTS" 2>/dev/null || { echo "the bots stopped:" >&2; cat "$CLUSTER_DIR/game-bots.out" "$CLUSTER_DIR/game-bots.err" >&2; return 1; }
    done
    game_log "game nodes: $(cat "$CLUSTER_DIR/game-bots.out")"
    game_node_up node-b || return 1
    game_node_up node-c || return 1
    local waited=0 share=$((GAME_TABLES / 3))
    until [ "$(game_tables_of node-b)" -ge "$share" ] && [ "$(game_tables_of node-c)" -ge "$share" ]; do
        sleep 0.5
        waited=$((waited + 1))
        [ "$waited" -lt 240 ] || { echo "the tables were not shared out in 120 s" >&2; break; }
    done
    game_log "game nodes: node-a $(game_tables_of node-a), node-b $(game_tables_of node-b), node-c $(game_tables_of node-c) tables; $(game_settled) hands settled so far"
    sleep "$phase"

    # 1. SIGKILL of node-b under load.
    local before_voided at ids
    before_voided=$(game_voided)
    ids=$(game_table_ids_of node-b)
    game_holders >"$CLUSTER_DIR/holders-before-kill.txt"
    GAME_KILL_TABLES=$(echo "$ids" | tr ',' '\n' | grep -c .)
    game_log "game fault 1: SIGKILL node-b (pid $(game_node_pid node-b)) serving tables $ids; $(game_settled) hands settled so far (load: $(cut -d' ' -f1-3 /proc/loadavg))"
    at=$(game_now)
    kill -KILL "$(game_node_pid node-b)"
    GAME_KILL_DEALING=$(game_await_dealing "$at" "$ids")
    game_holders >"$CLUSTER_DIR/holders-after-kill.txt"
    GAME_KILL_OTHERS_MOVED=$(game_moved_besides "$CLUSTER_DIR/holders-before-kill.txt" "$CLUSTER_DIR/holders-after-kill.txt" "$ids")
    GAME_KILL_VOIDED=$(( $(game_voided) - before_voided ))
    GAME_KILL_VOIDED_ELSEWHERE=$(game_sql "SELECT count(*) FROM hand WHERE status = 'VOIDED' AND ended_at > '$at' AND table_id NOT IN ($ids)")
    game_log "game fault 1: dealing again (table:seconds after the kill) $GAME_KILL_DEALING; other tables moved: $GAME_KILL_OTHERS_MOVED; $GAME_KILL_VOIDED hand(s) voided ($GAME_KILL_VOIDED_ELSEWHERE at other tables)"
    game_checks after-kill
    GAME_CHECK_KILL=$(tail -1 "$CLUSTER_DIR/game-checks.log")
    game_node_up node-b || return 1
    sleep "$phase"

    # 2. SIGSTOP of node-c until the others have claimed its tables (past its leases), then SIGCONT.
    local fenced_before refused_before lost_before stop_at
    fenced_before=$(game_log_lines node-c "refused as FENCED under")
    refused_before=$(game_log_lines node-c "was refused as FENCED")
    lost_before=$(game_log_lines node-c "was claimed by another node")
    ids=$(game_table_ids_of node-c)
    GAME_STOP_TABLES=$(echo "$ids" | tr ',' '\n' | grep -c .)
    before_voided=$(game_voided)
    game_log "game fault 2: SIGSTOP node-c serving tables $ids"
    at=$(game_now)
    kill -STOP "$(game_node_pid node-c)"
    stop_at=$(date +%s)
    sleep "$(game_lease_seconds)"
    waited=0
    until [ "$(game_sql "SELECT count(*) FROM lease WHERE name IN ('table:$(echo "$ids" | sed "s/,/','table:/g")')
            AND holder <> 'node-c' AND expires_at > now()")" -ge "$GAME_STOP_TABLES" ]; do
        sleep 0.5
        waited=$((waited + 1))
        [ "$waited" -lt 120 ] || { echo "node-c's tables were not taken over within 60 s" >&2; break; }
    done
    GAME_STOP_SECONDS=$(( $(date +%s) - stop_at ))
    game_log "game fault 2: node-c's tables claimed by others; SIGCONT node-c after $GAME_STOP_SECONDS s stopped"
    kill -CONT "$(game_node_pid node-c)"
    GAME_STOP_DEALING=$(game_await_dealing "$at" "$ids")
    sleep 3
    GAME_ZOMBIE_FENCED=$(( $(game_log_lines node-c "refused as FENCED under") - fenced_before ))
    GAME_ZOMBIE_BY_WRITE=$(( $(game_log_lines node-c "was refused as FENCED") - refused_before ))
    GAME_ZOMBIE_LOST=$(( $(game_log_lines node-c "was claimed by another node") - lost_before ))
    GAME_STOP_VOIDED=$(( $(game_voided) - before_voided ))
    game_log "game fault 2: node-c woke: $GAME_ZOMBIE_FENCED posting(s) refused FENCED; $GAME_ZOMBIE_BY_WRITE table(s) learnt the move from a refused write, $GAME_ZOMBIE_LOST at lease renewal; dealing again elsewhere (table:seconds after the stop) $GAME_STOP_DEALING; $GAME_STOP_VOIDED hand(s) voided"
    game_checks after-stop
    GAME_CHECK_STOP=$(tail -1 "$CLUSTER_DIR/game-checks.log")
    sleep "$phase"

    # 3. A rolling restart: SIGTERM drains each node in turn, which then starts again.
    local rolling_voided_before
    rolling_voided_before=$(game_voided)
    for name in "${GAME_NODES[@]}"; do
        game_log "game fault 3: SIGTERM $name (drains: $(game_tables_of "$name") tables to hand over)"
        kill -TERM "$(game_node_pid "$name")"
        at=$(date +%s)
        while kill -0 "$(game_node_pid "$name")" 2>/dev/null; do sleep 0.2; done
        game_log "game fault 3: $name stopped after $(( $(date +%s) - at )) s; tables served: $(game_tables_served)"
        game_node_up "$name" || return 1
        sleep $((phase / 2 + 2))
    done
    GAME_ROLLING_VOIDED=$(( $(game_voided) - rolling_voided_before ))
    game_log "game fault 3: rolling restart of 3 nodes: $GAME_ROLLING_VOIDED hand(s) voided"
    game_checks after-rolling-restart
    GAME_CHECK_ROLLING=$(tail -1 "$CLUSTER_DIR/game-checks.log")

    # 4 and 5: the database's faults while the nodes serve the bots (on the HA ledger: docs/cluster.sh sources
    # ledger-ha.sh; run alone against one PostgreSQL, these are left out).
    GAME_DB_FAULTS=0
    if declare -F ledger_leader >/dev/null; then
        GAME_DB_FAULTS=1
        sleep "$phase"
        game_db_fault_leader || return 1
        sleep "$phase"
        game_db_fault_standbys || return 1
    fi

    # The end: the bots leave and cash out, the nodes drain and stop; then every pot must be empty.
    kill -TERM "$GAME_BOTS"
    wait "$GAME_BOTS" || true # 143: ended by the SIGTERM, after leaving their seats and printing their figures
    GAME_BOTS_SUMMARY=$(tail -n +2 "$CLUSTER_DIR/game-bots.out" | tr '\n' ' ')
    GAME_BOTS_SEATED=$(sed -n 's/.* \([0-9][0-9]*\) bots still seated.*/\1/p' "$CLUSTER_DIR/game-bots.out")
    GAME_SETTLED=$(game_settled)
    for name in "${GAME_NODES[@]}"; do
        kill -TERM "$(game_node_pid "$name")" 2>/dev/null || true
    done
    for name in "${GAME_NODES[@]}"; do
        while kill -0 "$(game_node_pid "$name")" 2>/dev/null; do sleep 0.2; done
    done
    GAME_POTS_AT_REST=$(game_sql "SELECT count(*) FROM account WHERE kind = 'POT' AND owner_ref LIKE 'table:%' AND balance <> 0")
    game_checks at-rest
    GAME_CHECK_END=$(tail -1 "$CLUSTER_DIR/game-checks.log")
}

# The run's figures, one line a fault; the exit status says whether every check held.
game_nodes_summary() {
    echo "== game nodes (phases of $1 s, leases of $GAME_LEASE; load at the end: $(cut -d' ' -f1-3 /proc/loadavg)) =="
    echo "node SIGKILL: node-b's $GAME_KILL_TABLES tables moved ($GAME_KILL_OTHERS_MOVED other tables moved), each dealing" \
        "again after (table:s) $GAME_KILL_DEALING; $GAME_KILL_VOIDED hand(s) voided ($GAME_KILL_VOIDED_ELSEWHERE at other tables)"
    echo "node SIGSTOP past its leases ($GAME_STOP_SECONDS s, $GAME_STOP_TABLES tables): $GAME_ZOMBIE_FENCED posting(s) refused" \
        "FENCED after SIGCONT; $GAME_ZOMBIE_BY_WRITE table(s) stopped by a refused write, $GAME_ZOMBIE_LOST at renewal;" \
        "dealing again elsewhere after (table:s) $GAME_STOP_DEALING; $GAME_STOP_VOIDED hand(s) voided"
    echo "rolling restart (SIGTERM, drain) of 3 nodes: $GAME_ROLLING_VOIDED hand(s) voided"
    echo "bots: $GAME_BOTS_SUMMARY; hands settled: $GAME_SETTLED; pots holding chips at rest: $GAME_POTS_AT_REST"
    if [ "${GAME_DB_FAULTS:-0}" = 1 ]; then
        echo "database leader SIGKILL ($GAME_LEADER_TABLES tables playing): a new leader after $GAME_LEADER_NEW s; every node's" \
            "/health/ready 200 again after $GAME_LEADER_READY s (all three 503 after $GAME_LEADER_ALL_503 s); every table dealing" \
            "again after $GAME_LEADER_DEALT_ALL s (table:s $GAME_LEADER_DEALING); $GAME_LEADER_VOIDED hand(s) voided," \
            "$GAME_LEADER_MOVED table(s) moved to another node;" \
            "$GAME_LEADER_COMMITS; told the bots: $GAME_LEADER_NOTICES"
        echo "both standbys stopped: in $GAME_NOSB_WINDOW s (from $GAME_NOSB_WINDOW_FROM s after) $GAME_NOSB_ACKED acknowledged to" \
            "bots, $GAME_NOSB_SETTLED hands settled, $GAME_NOSB_NEW_HANDS hands committed; readiness $GAME_NOSB_READY;" \
            "told paused: $GAME_NOSB_PAUSED; one standby back: acknowledgements after $GAME_NOSB_ACKS_BACK s," \
            "every table a new hand after $GAME_NOSB_DEALING s, every node ready after $GAME_NOSB_READY_BACK s," \
            "told resumed: $GAME_NOSB_RESUMED; $GAME_NOSB_VOIDED hand(s) voided, $GAME_NOSB_MOVED table(s) moved" \
            "to another node; $GAME_NOSB_COMMITS"
    else
        echo "database faults: not run (no HA ledger: run by docs/cluster.sh)"
    fi
    printf '%s\n' "$GAME_CHECK_KILL" "$GAME_CHECK_STOP" "$GAME_CHECK_ROLLING"
    [ "${GAME_DB_FAULTS:-0}" = 0 ] || printf '%s\n' "$GAME_CHECK_LEADER" "$GAME_CHECK_NOSB"
    echo "$GAME_CHECK_END"
    [ "$GAME_CHECKS_FAILED" = 0 ] && { [ "${GAME_DB_FAULTS:-0}" = 0 ] || [ "$GAME_NOSB_ACKED" = 0 ]; } && [ "$GAME_ROLLING_VOIDED" = 0 ] && [ "$GAME_POTS_AT_REST" = 0 ] \
        && [ "$GAME_KILL_OTHERS_MOVED" = 0 ] && [ "$GAME_KILL_VOIDED_ELSEWHERE" = 0 ] && [ "${GAME_BOTS_SEATED:-1}" = 0 ]
}

game_nodes_cleanup() {
    game_ready_poll_stop
    for pid in "${GAME_PIDS[@]}"; do
        kill -CONT "$pid" 2>/dev/null || true
        kill -KILL "$pid" 2>/dev/null || true
    done
    [ -z "${GAME_BOTS:-}" ] || kill -KILL "$GAME_BOTS" 2>/dev/null || true
}

# Run alone: against the database POKER_DB_URL names (psql reaches it through GAME_PSQL_ARGS).
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    cd "$(dirname "$0")/../.."
    JAR=$PWD/server/target/poker-server.jar
    CLUSTER_DIR=${CLUSTER_DIR:-$(mktemp -d /tmp/chipledger-nodes.XXXXXX)}
    PHASE=20
    [ "${1:-}" = "--short" ] && PHASE=8
    read -r -a GAME_PSQL_SPLIT <<<"${GAME_PSQL_ARGS:?set GAME_PSQL_ARGS to the connection options of psql}"
    GAME_PSQL=(psql -X -q -t -A "${GAME_PSQL_SPLIT[@]}")
    trap game_nodes_cleanup EXIT
    echo "logs in $CLUSTER_DIR"
    game_nodes_run "$PHASE"
    game_nodes_summary "$PHASE"
fi
