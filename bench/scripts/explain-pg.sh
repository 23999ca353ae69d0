#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the list queries the service runs (SessionStore SQL, literal values),
# for the main app of a generated store: bench/scripts/explain-pg.sh [psql connection args]
set -euo pipefail
APP=b0000000-0000-4000-8000-000000000000
NOW=$(( $(date +%s) * 1000 ))
D30A=$(( NOW - 130 * 86400000 )); D30B=$(( NOW - 100 * 86400000 ))
COLS="app_id, id, meeting_id, parent_session_id, type, live_count, peak_count, closed_ms, live_join_sum, created_at, started_at, updated_at, ended_at, live_until, meta"
TOP="WHERE app_id = '$APP' AND parent_session_id IS NULL"
SEARCH="AND id IN (SELECT s2.id FROM sessions s2 WHERE s2.app_id = '$APP' AND LOWER(s2.id) LIKE '%quokka%' ESCAPE '\\' UNION ALL SELECT s3.id FROM sessions s3 WHERE s3.app_id = '$APP' AND s3.meeting_id IN (SELECT m.id FROM meetings m WHERE m.app_id = '$APP' AND (m.title_search LIKE '%quokka%' ESCAPE '\\' OR LOWER(m.id) LIKE '%quokka%' ESCAPE '\\')))"
q() { echo "== $1"; psql "${@:3}" -X -q -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) $2" | grep -v "^$"; }
ARGS=("$@"); [[ ${#ARGS[@]} -eq 0 ]] && ARGS=(-h 127.0.0.1 -U postgres -d rtk_bench)
q "default page" "SELECT $COLS FROM sessions $TOP ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 0" "${ARGS[@]}"
q "deep page (offset 1,000,000)" "SELECT $COLS FROM sessions $TOP ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 1000000" "${ARGS[@]}"
q "status=LIVE count" "SELECT COUNT(*) FROM sessions $TOP AND live_until >= $NOW" "${ARGS[@]}"
q "status=ENDED page" "SELECT $COLS FROM sessions $TOP AND live_until < $NOW ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 0" "${ARGS[@]}"
q "participants=10:50 count" "SELECT COUNT(*) FROM sessions $TOP AND peak_count >= 10 AND peak_count <= 50" "${ARGS[@]}"
q "30-day range count" "SELECT COUNT(*) FROM sessions $TOP AND created_at >= $D30A AND created_at <= $D30B" "${ARGS[@]}"
q "search=quokka count" "SELECT COUNT(*) FROM sessions $TOP $SEARCH" "${ARGS[@]}"
q "search=quokka page" "SELECT $COLS FROM sessions $TOP $SEARCH ORDER BY created_at DESC, id DESC LIMIT 20 OFFSET 0" "${ARGS[@]}"
q "sort_by=minutesConsumed ASC page" "SELECT $COLS FROM (SELECT $COLS, closed_ms AS minutes_ms FROM (SELECT $COLS FROM sessions $TOP AND live_count = 0 ORDER BY closed_ms ASC, id ASC LIMIT 20) settled UNION ALL SELECT $COLS, closed_ms + live_count * $NOW - live_join_sum AS minutes_ms FROM sessions $TOP AND live_count > 0) merged ORDER BY minutes_ms ASC, id ASC LIMIT 20 OFFSET 0" "${ARGS[@]}"
q "ENDED + participants 10:50 + minutes DESC count" "SELECT COUNT(*) FROM sessions $TOP AND live_until < $NOW AND peak_count >= 10 AND peak_count <= 50" "${ARGS[@]}"
