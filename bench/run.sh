#!/usr/bin/env bash
# One command per benchmark scenario (see docs/benchmarks.md):
#   bench/run.sh SCENARIO STORE
#   SCENARIO: mix | kinds | list | filters | deep | ingest | startup | floors | all
#   STORE:    pg | sqlite
# Environment: PG_URL (default jdbc:postgresql://127.0.0.1:5432/rtk_bench?user=postgres),
#   SQLITE_FILE (default /work/bench-data/full.db), DURATION (s, default 30), WARMUP (s, default 10),
#   SERVER_OPTS (JVM options of the server and of the floors, default -Xmx1g), PORT (default 8787),
#   CLI_JAR and BENCH_JAR (default: the built jars under cli/target and bench/target),
#   INGEST_DURATION (s, default 60) and LIST_RATE (read-mix requests/s beside ingest, default 500; 0: none),
#   MIX_CONNECTIONS (default 32) and KIND_CONNECTIONS (default 8), SESSIONS and DAYS (the generated history's,
#   default 5000000 and 730),
#   SERVER_ARGS (more options of `serve`, e.g. --pool-size 4).
# Needs: wrk, curl, a built tree (mvn -q package -DskipTests), a generated store (bench generate).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCENARIO=${1:?scenario}; STORE=${2:?store: pg or sqlite}
PG_URL=${PG_URL:-jdbc:postgresql://127.0.0.1:5432/rtk_bench?user=postgres}
SQLITE_FILE=${SQLITE_FILE:-/work/bench-data/full.db}
DURATION=${DURATION:-30}; WARMUP=${WARMUP:-10}; PORT=${PORT:-8787}; FLOOR_PORT=$((PORT + 1))
SERVER_OPTS=${SERVER_OPTS:--Xmx1g}
case "$STORE" in pg) URL=$PG_URL ;; sqlite) URL="jdbc:sqlite:$SQLITE_FILE" ;; *) echo "store: pg or sqlite" >&2; exit 2 ;; esac
CLI_JAR=${CLI_JAR:-$ROOT/cli/target/rtk-sessions.jar}; BENCH_JAR=${BENCH_JAR:-$ROOT/bench/target/rtk-sessions-bench.jar}
TOKEN=${TOKEN:-bench-$(date +%s)-token}
ACCOUNT=benchacct; APP=b0000000-0000-4000-8000-000000000000
BASE="http://127.0.0.1:$PORT/client/v4/accounts/$ACCOUNT/realtime/kit/$APP"
LUA="$ROOT/bench/scripts/report.lua"
TCK=$(getconf CLK_TCK)
SERVER_PID=""

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
mem() { awk '/VmRSS|VmHWM/ {printf "%s %d MiB ", $1, $2/1024}' "/proc/$1/status"; }

start_server() {
  local t0; t0=$(date +%s%N)
  RTK_ADMIN_TOKEN=$TOKEN java $SERVER_OPTS -jar "$CLI_JAR" serve --port "$PORT" --database-url "$URL" ${SERVER_ARGS:-} \
    > /tmp/rtk-bench-server.log 2>&1 &
  SERVER_PID=$!
  until curl -sf "http://127.0.0.1:$PORT/healthz" > /dev/null 2>&1; do
    kill -0 "$SERVER_PID" 2>/dev/null || { cat /tmp/rtk-bench-server.log; exit 1; }
    sleep 0.02
  done
  echo "startup: ready in $(( ($(date +%s%N) - t0) / 1000000 )) ms (process start to /healthz 200) $(mem "$SERVER_PID")"
}
stop_server() { [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
trap stop_server EXIT

# wrk against PATH?QUERY with C connections: warm-up, then the measured run with the server's CPU and memory.
measure() {
  local name=$1 conns=$2 url=$3 pid=${4:-$SERVER_PID}
  wrk -t2 -c"$conns" -d"${WARMUP}s" -H "Authorization: Bearer $TOKEN" "$url" > /dev/null
  local c0; c0=$(cpu_ticks "$pid")
  local out; out=$(wrk -t2 -c"$conns" -d"${DURATION}s" --timeout 10s -H "Authorization: Bearer $TOKEN" -s "$LUA" "$url" | grep RESULT)
  local c1; c1=$(cpu_ticks "$pid")
  printf '%-28s c=%-3s %s server_cpu=%.0f%% %s\n' "$name" "$conns" "${out#RESULT }" \
    "$(echo "($c1 - $c0) * 100 / $TCK / $DURATION" | bc -l)" "$(mem "$pid")"
}

iso() { date -u -d "@$1" +%Y-%m-%dT%H:%M:%SZ; }

total_count() { curl -s -H "Authorization: Bearer $TOKEN" "$BASE/sessions?per_page=1&$1" | grep -o '"total_count":[0-9]*'; }

# The randomized read mix (bench mix): the whole mix, then each kind alone.
mix() {
  local c0; c0=$(cpu_ticks "$SERVER_PID")
  java -jar "$BENCH_JAR" mix --base "http://127.0.0.1:$PORT/client/v4" --token "$TOKEN" --duration "$DURATION" \
    --warmup "$WARMUP" --sessions "${SESSIONS:-5000000}" --days "${DAYS:-730}" "$@"
  local c1; c1=$(cpu_ticks "$SERVER_PID")
  printf '  server_cpu=%.0f%% %s\n' "$(echo "($c1 - $c0) * 100 / $TCK / ($DURATION + $WARMUP)" | bc -l)" "$(mem "$SERVER_PID")"
}
scenario_mix() { mix --connections "${MIX_CONNECTIONS:-32}"; }
scenario_kinds() {
  for kind in FIRST_PAGES ANY_PAGE LIVE MEETING WINDOW SEARCH_COMMON SEARCH_RARE MINUTES PARTICIPANTS OTHER_APPS; do
    mix --connections "${KIND_CONNECTIONS:-8}" --kind "$kind" | head -1
  done
}

scenario_list() { measure "1 default list" 32 "$BASE/sessions"; }

scenario_filters() {
  local now; now=$(date +%s)
  local d1a d1b d30a d30b meeting
  d1a=$(iso $((now - 100 * 86400))); d1b=$(iso $((now - 99 * 86400)))
  d30a=$(iso $((now - 130 * 86400))); d30b=$(iso $((now - 100 * 86400)))
  # The meeting of a session from the middle of the list: popular meetings are likelier.
  meeting=$(curl -s -H "Authorization: Bearer $TOKEN" "$BASE/sessions?per_page=1&page_no=1000" \
    | grep -o '"associated_id":"[^"]*"' | head -1 | cut -d'"' -f4)
  local -a cases=(
    "status=LIVE" "status=ENDED" "associated_id=$meeting"
    "start_time=$d1a&end_time=$d1b" "start_time=$d30a&end_time=$d30b" "participants=10:50" "search=quokka"
    "sort_by=minutesConsumed&sort_order=ASC" "sort_by=minutesConsumed&sort_order=DESC"
    "status=ENDED&participants=10:50&sort_by=minutesConsumed&sort_order=DESC"
    "associated_id=$meeting&start_time=$d30a&end_time=$d30b"
    "search=quokka&status=ENDED&start_time=$d30a&end_time=$d30b")
  for q in "${cases[@]}"; do
    measure "2 $q" 8 "$BASE/sessions?$q"
    echo "    $(total_count "$q")"
  done
}

scenario_deep() { measure "3 deep page offset 1e6" 8 "$BASE/sessions?page_no=50001&per_page=20"; }

scenario_ingest() {
  local c0 w0; c0=$(cpu_ticks "$SERVER_PID"); w0=$(date +%s%N)
  java -jar "$BENCH_JAR" ingest --base "http://127.0.0.1:$PORT/client/v4" --token "$TOKEN" \
    --duration "${INGEST_DURATION:-60}" --warmup "$WARMUP" --list-rate "${LIST_RATE:-500}" \
    --sessions "${SESSIONS:-5000000}" --days "${DAYS:-730}"
  local c1 w1; c1=$(cpu_ticks "$SERVER_PID"); w1=$(date +%s%N)
  printf '4 ingest: server_cpu=%.0f%% %s\n' "$(echo "($c1 - $c0) * 100 / $TCK / (($w1 - $w0) / 1000000000)" | bc -l)" "$(mem "$SERVER_PID")"
}

scenario_floors() {
  # In the same run: the service, the HTTP floor (same bytes from memory), the storage floor (JDBC in-process).
  local body; body=$(mktemp)
  curl -s -H "Authorization: Bearer $TOKEN" "$BASE/sessions" > "$body"
  measure "6 service list" 32 "$BASE/sessions"
  java $SERVER_OPTS -jar "$BENCH_JAR" static-floor --port "$FLOOR_PORT" --body "$body" > /tmp/rtk-bench-floor.log 2>&1 &
  local fpid=$!
  until curl -sf "http://127.0.0.1:$FLOOR_PORT/" > /dev/null 2>&1; do sleep 0.05; done
  measure "6a HTTP floor (static body)" 32 "http://127.0.0.1:$FLOOR_PORT/" "$fpid"
  kill "$fpid"; wait "$fpid" 2>/dev/null || true
  echo "6b storage floor (the page query over JDBC in-process, 32 callers, pool 10):"
  java $SERVER_OPTS -jar "$BENCH_JAR" jdbc-floor --url "$URL" --connections 32 --duration "$DURATION" --warmup "$WARMUP" 2>/dev/null | grep -v warmup
  java $SERVER_OPTS -jar "$BENCH_JAR" jdbc-floor --reader --url "$URL" --connections 32 --duration "$DURATION" --warmup "$WARMUP" 2>/dev/null | grep -v warmup
  rm -f "$body"
}

echo "# $(date -u +%FT%TZ) scenario=$SCENARIO store=$STORE duration=${DURATION}s warmup=${WARMUP}s opts=$SERVER_OPTS load=$(cut -d' ' -f1-3 /proc/loadavg)"
start_server
case "$SCENARIO" in
  mix) scenario_mix ;;
  kinds) scenario_kinds ;;
  list) scenario_list ;;
  filters) scenario_filters ;;
  deep) scenario_deep ;;
  ingest) scenario_ingest ;;
  startup) ;;
  floors) scenario_floors ;;
  all) scenario_list; scenario_filters; scenario_deep; scenario_floors ;;
  *) echo "unknown scenario $SCENARIO" >&2; exit 2 ;;
esac
echo "end: $(mem "$SERVER_PID")"
