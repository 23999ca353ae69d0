#!/usr/bin/env bash
# EXPLAIN QUERY PLAN (and, with --time, the run time) of the service's list SQL on a generated
# SQLite store: bench/scripts/explain-sqlite.sh [FILE] [--time]
set -euo pipefail
DB=${1:-/work/bench-data/full.db}; TIME=${2:-}
APP=b0000000-0000-4000-8000-000000000000
NOW=$(( $(date +%s) * 1000 ))
D30A=$(( NOW - 130 * 86400000 )); D30B=$(( NOW - 100 * 86400000 ))
COLS="app_id, id, meeting_id, parent_session_id, type, live_count, peak_count, closed_ms, live_join_sum, created_at, started_at, updated_at, ended_at, live_until, meta"
TOP="WHERE app_id = '$APP' AND parent_session_id IS NULL"
SEARCH="AND id IN (SELECT s2.id FROM sessions s2 WHERE s2.app_id = '$APP' AND s2.rowid IN (SELECT rowid FROM sessions_fts WHERE sessions_fts.id LIKE '%quokka%') AND instr(lower(s2.id), 'quokka') > 0 UNION ALL SELECT s3.id FROM sessions s3 WHERE s3.app_id = '$APP' AND s3.meeting_id IN (SELECT m.id FROM meetings m WHERE m.app_id = '$APP' AND m.rowid IN (SELECT rowid FROM meetings_fts WHERE meetings_fts.title_search LIKE '%quokka%' UNION SELECT rowid FROM meetings_fts WHERE meetings_fts.id LIKE '%quokka%') AND (instr(m.title_search, 'quokka') > 0 OR instr(lower(m.id), 'quokka') > 0)))"
q() {
  echo "== $1"
  sqlite3 -readonly "$DB" "EXPLAIN QUERY PLAN $2"
  if [[ "$TIME" == "--time" ]]; then
    local t0; t0=$(date +%s%N); sqlite3 -readonly "$DB" "$2" > /dev/null
    echo "   run time: $(( ($(date +%s%N) - t0) / 1000000 )) ms"
  fi
}
q "default page" "SELECT $COLS FROM sessions $TOP ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 0"
q "deep page (offset 1,000,000)" "SELECT $COLS FROM sessions $TOP ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 1000000"
q "status=LIVE count" "SELECT COUNT(*) FROM sessions $TOP AND live_until >= $NOW"
q "status=ENDED page" "SELECT $COLS FROM sessions $TOP AND live_until < $NOW ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 0"
q "participants=10:50 count" "SELECT COUNT(*) FROM sessions $TOP AND peak_count >= 10 AND peak_count <= 50"
q "30-day range count" "SELECT COUNT(*) FROM sessions $TOP AND created_at >= $D30A AND created_at <= $D30B"
q "search=quokka count" "SELECT COUNT(*) FROM sessions $TOP $SEARCH"
q "sort_by=minutesConsumed ASC page" "SELECT $COLS FROM (SELECT $COLS, closed_ms AS minutes_ms FROM (SELECT $COLS FROM sessions $TOP AND live_count = 0 ORDER BY closed_ms ASC, id ASC LIMIT 20) settled UNION ALL SELECT $COLS, closed_ms + live_count * $NOW - live_join_sum AS minutes_ms FROM sessions $TOP AND live_count > 0) merged ORDER BY minutes_ms ASC, id ASC LIMIT 20 OFFSET 0"
q "ENDED + participants 10:50 count" "SELECT COUNT(*) FROM sessions $TOP AND live_until < $NOW AND peak_count >= 10 AND peak_count <= 50"
