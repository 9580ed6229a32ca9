#!/usr/bin/env bash
# Cold start and memory of the real app, for `make bench` (scripts/bench.sh runs this).
#
# Builds the ICM binary and a bare Wails app (bench/bare/) the same way `make build` does,
# writes the fictional benchmark databases (bench/gendb), then under one Xvfb display:
#   - starts each binary BENCH_RUNS times (default 7, after one start that is not counted,
#     so that every counted start finds the libraries in the file cache) with
#     ICM_BENCH_READY=1 and takes the time from exec to its "icm-bench ready" line: the first screen rendered with its data
#     (see backend/benchhook and frontend/src/components/ScreenReadySignal.tsx). The ICM app is
#     built with the extra build tag "bench", which compiles that hook in; the shipped binary
#     (make build, scripts/dist.sh) has a stand-in that does nothing;
#   - starts the ICM app once more on the ten-year database, signs in and opens the main
#     screens one after another, reading the memory after each (VmRSS/VmHWM of the app and
#     its WebKit child processes, Go heap).
# Results go to $OUT/start.txt as key=value lines, the raw lines to $OUT/start-*.log.
# BENCH_DB_CACHE=<folder> keeps the generated databases there and reuses them while the
# generator and the migrations are unchanged (a re-measurement then takes minutes, not ten).
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=${OUT:-test-output/bench}
mkdir -p "$OUT" && OUT=$(cd "$OUT" && pwd)
RUNS=${BENCH_RUNS:-7}
AUDIT_RUNS=${BENCH_AUDIT_RUNS:-3}
AUDIT_ENTRIES=${BENCH_AUDIT_ENTRIES:-1000000}
PASSWORD=benchmark-only-2026 # the sign-in of the generated team lead "mette"; fictional data only
WAILS=$(go env GOPATH)/bin/wails
TAGS=webkit2_41
mkdir -p "$OUT"
RES=$OUT/start.txt
: >"$RES"
log() { echo "bench-start: $*" >&2; }
put() { echo "$1=$2" >>"$RES"; }

for c in Xvfb xvfb-run npm; do command -v "$c" >/dev/null || { log "$c is missing (scripts/install-deps.sh test)"; exit 1; }; done
[ -x "$WAILS" ] || { log "Wails CLI missing: scripts/install-deps.sh build"; exit 1; }

log "building the ICM app (as make build plus the bench tag, into build/bin/icm-bench)"
(cd frontend && npm run build --silent >/dev/null)
"$WAILS" build -s -m -skipbindings -tags "$TAGS bench" -ldflags "-X icm/backend/service.Version=$(cat VERSION)" \
  -o icm-bench >"$OUT/build-icm.log" 2>&1 || { cat "$OUT/build-icm.log" >&2; exit 1; }
log "building the bare Wails app (bench/bare)"
(cd bench/bare && "$WAILS" build -m -tags "$TAGS" >"$OUT/build-bare.log" 2>&1) ||
  { cat "$OUT/build-bare.log" >&2; exit 1; }
ICM=build/bin/icm-bench
BARE=bench/bare/build/bin/bare
put icm_binary_bytes "$(stat -c %s "$ICM")"
put bare_binary_bytes "$(stat -c %s "$BARE")"

DB=$OUT/db
rm -rf "$DB" && mkdir -p "$DB"
CACHE=${BENCH_DB_CACHE:-}
if [ -n "$CACHE" ] && [ -s "$CACHE/ten.db" ] && [ -s "$CACHE/audit.db" ] && [ -s "$CACHE/gendb.json" ] &&
  [ "$(cat "$CACHE/source" 2>/dev/null)" = "$(cat bench/gendb/*.go backend/benchdata/*.go backend/store/migrations/*.sql | sha256sum)" ]; then
  log "the benchmark databases from $CACHE (BENCH_DB_CACHE; written by the same generator and migrations)"
  cp "$CACHE/ten.db" "$CACHE/audit.db" "$DB/" && cp "$CACHE/gendb.json" "$OUT/gendb.json"
else
  log "writing the ten-year database"
  go run ./bench/gendb -db "$DB/ten.db" -password "$PASSWORD" >"$OUT/gendb.json"
  log "writing the ten-year database with a ten-year audit log ($AUDIT_ENTRIES entries)"
  go run ./bench/gendb -db "$DB/audit.db" -password "$PASSWORD" -audit "$AUDIT_ENTRIES" >/dev/null
  if [ -n "$CACHE" ]; then
    mkdir -p "$CACHE" && cp "$DB/ten.db" "$DB/audit.db" "$OUT/gendb.json" "$CACHE/"
    cat bench/gendb/*.go backend/benchdata/*.go backend/store/migrations/*.sql | sha256sum >"$CACHE/source"
  fi
fi
put ten_db_bytes "$(stat -c %s "$DB/ten.db")"
put audit_db_bytes "$(stat -c %s "$DB/audit.db")"
put audit_entries "$AUDIT_ENTRIES"
# What the app does with the database at start, step by step (bench/opendb), each on a copy
# so that the runs below start from the generated files.
go build -o "$DB/opendb" ./bench/opendb
opendb() { # opendb NAME SOURCE WHAT
  rm -f "$DB/step.db"*
  cp "$DB/$2.db" "$DB/step.db"
  put "$1" "$("$DB/opendb" -db "$DB/step.db" -what "$3")"
}
for src in ten audit; do
  opendb "open_${src}_ms" "$src" open
  opendb "app_open_${src}_ms" "$src" app-open
  opendb "deferred_${src}_ms" "$src" deferred
done
opendb chain_audit_ms audit chain
rm -f "$DB/step.db"* "$DB/opendb"

# One display for every run, so that its start is not in the figures.
DISPLAY_NO=$((90 + RANDOM % 9))
Xvfb ":$DISPLAY_NO" -screen 0 1280x900x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
trap 'kill $XVFB 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$DISPLAY_NO" ] && break; sleep 0.1; done
export DISPLAY=":$DISPLAY_NO"

# run NAME BINARY [ARGS…]: start once, print the milliseconds from exec to the ready line.
run() {
  local name=$1 t0 line
  shift
  t0=$(date +%s%N)
  ICM_BENCH_READY=1 timeout 300 "$@" >"$OUT/start-$name.out" 2>>"$OUT/start-$name.err" || true
  cat "$OUT/start-$name.out" >>"$OUT/start-$name.log"
  line=$(grep -m1 '^icm-bench ready' "$OUT/start-$name.out") ||
    { log "$name: no ready line (see $OUT/start-$name.err)"; return 1; }
  echo $((($(awk '{print $3}' <<<"$line") - t0) / 1000000))
}

# measure NAME N SOURCE_DB BINARY [ARGS…]: N cold starts, each on a fresh copy of SOURCE_DB
# passed as -db ("-": no database argument).
measure() {
  local name=$1 n=$2 src=$3 times=()
  shift 3
  for i in $(seq 0 "$n"); do # run 0 warms the file cache and is not counted
    if [ "$src" = - ]; then
      times+=("$(run "$name" "$@")")
    else
      rm -f "$DB/run.db" "$DB/run.db-wal" "$DB/run.db-shm"
      cp "$src" "$DB/run.db"
      sync
      times+=("$(run "$name" "$@" -db "$DB/run.db")")
    fi
    log "$name run $i: ${times[-1]} ms"
    [ "$i" -gt 0 ] || unset 'times[0]'
  done
  times=("${times[@]}")
  put "${name}_runs_ms" "$(
    IFS=,
    echo "${times[*]}"
  )"
}

log "cold starts under Xvfb $DISPLAY ($RUNS runs each)"
go run ./bench/opendb -db "$DB/empty.db" >/dev/null # migrated, no team: the setup screen
measure bare "$RUNS" - "$BARE"
measure icm_empty "$RUNS" "$DB/empty.db" "$ICM"
measure icm_ten "$RUNS" "$DB/ten.db" "$ICM"
measure icm_audit "$AUDIT_RUNS" "$DB/audit.db" "$ICM"

# median NAME: the median of NAME's counted runs, from $RES (as bench/report computes it;
# nothing when there were none).
median() {
  sed -n "s/^$1_runs_ms=//p" "$RES" | tr , '\n' | sort -n | awk '{v[NR]=$1} END {if (NR) print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'
}
bare_ms=$(median bare)
put bare_median_ms "$bare_ms"
for name in icm_empty icm_ten icm_audit; do
  m=$(median "$name")
  r=$(awk -v a="$m" -v b="$bare_ms" 'BEGIN {if (a > 0 && b > 0) printf "%.2f", a / b; else printf "-"}')
  put "${name}_median_ms" "$m"
  put "${name}_ratio" "$r"
  log "$name: median $m ms, $r x the bare app ($bare_ms ms; target 1.2 x)"
done

log "memory after start and after opening the screens (ten-year database with its audit log)"
c=$(sed -n 's/.*"busiestCourse": \([0-9]*\).*/\1/p' "$OUT/gendb.json")
z=$(sed -n 's/.*"citizen": \([0-9]*\).*/\1/p' "$OUT/gendb.json")
TOUR="#/citizens #/citizens/$z #/courses/$c/visitation #/courses/$c/assessment #/courses/$c/planning #/courses/$c/coordination #/courses/$c/advocacy #/courses/$c/followup #/search #/caseload #/team #/overview #/template"
rm -f "$DB/run.db"*
cp "$DB/audit.db" "$DB/run.db"
ICM_BENCH_READY=1 ICM_BENCH_SIGNIN="mette:$PASSWORD" ICM_BENCH_TOUR="$TOUR" timeout 600 "$ICM" -db "$DB/run.db" \
  >"$OUT/start-tour.log" 2>"$OUT/start-tour.err" || { log "the tour failed (see $OUT/start-tour.err)"; exit 1; }
grep '^icm-bench' "$OUT/start-tour.log" | while read -r _ what _ route rest; do
  echo "tour_${what}=${route} ${rest}" >>"$RES"
done
rm -rf "$DB"
log "done: $RES"
