#!/usr/bin/env bash
# `make bench`: the performance figures at ten-year scale, written into docs/performance.md.
#
#   1. the machine (CPU, cores, RAM, OS, Go) and the load on it while measuring;
#   2. the Go benchmarks with -benchmem, BENCH_COUNT times each (default 3): every screen's
#      backend call on the fictional ten-year database (backend/service/bench_screens_test.go),
#      the note search in the store (backend/store/bench_tenyears_test.go), the plan PDF
#      (backend/pdf), and the two earlier benchmarks at their old scale for comparison;
#      the team folder benchmarks (backend/teamsync/bench_*_test.go) once each (their setup
#      writes the ten-year database): a new laptop joining, a note between two open laptops,
#      the folder after ten years and an idle sync pass;
#   3. the generator's scale test (backend/benchdata, TestGenerateTenYears);
#   4. cold start and memory of the real binary against a bare Wails app (scripts/bench-start.sh,
#      which builds the app with the build tag "bench": its measurement hook, backend/benchhook);
#   5. the installer sizes from build/dist/ if `make dist` has built them;
#   6. bench/report turns it all into docs/performance.md.
# Everything raw stays in test-output/bench/. Not part of `make test`: it takes about half an hour.
# BENCH_COUNT, BENCH_TIME (Go benchmarks), BENCH_RUNS, BENCH_AUDIT_RUNS, BENCH_AUDIT_ENTRIES
# (cold starts) change the effort; BENCH_KEEP_START=1 keeps the last cold-start figures.
set -euo pipefail
cd "$(dirname "$0")/.."

export OUT=${OUT:-test-output/bench}
COUNT=${BENCH_COUNT:-3}
BENCHTIME=${BENCH_TIME:-1s}
mkdir -p "$OUT"
log() { echo "bench: $*" >&2; }
[ -f frontend/dist/index.html ] || (cd frontend && npm run build --silent >/dev/null) # go test embeds it

load() { cut -d' ' -f1-3 /proc/loadavg; }
{
  echo "date=$(date '+%d.%m.%Y %H:%M %Z')"
  echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
  echo "cores=$(nproc)"
  echo "ram_mib=$(awk '/^MemTotal/ {printf "%d", $2/1024}' /proc/meminfo)"
  echo "os=$(. /etc/os-release && echo "$PRETTY_NAME") (kernel $(uname -r))"
  echo "go=$(go version | awk '{print $3, $4}')"
  echo "sqlite_driver=$(go list -m -f '{{.Path}} {{.Version}}' github.com/glebarez/go-sqlite) on $(go list -m -f '{{.Path}} {{.Version}}' modernc.org/sqlite)"
  echo "wails=$(go list -m -f '{{.Version}}' github.com/wailsapp/wails/v2)"
  echo "commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "load_before=$(load)"
} >"$OUT/machine.txt"

log "Go benchmarks (-count $COUNT, -benchtime $BENCHTIME); the ten-year database is written for each count"
: >"$OUT/go-bench.txt"
bench() { # package, pattern
  go test -run '^$' -bench "$2" -benchmem -count "$COUNT" -benchtime "$BENCHTIME" -timeout 60m "$1" | tee -a "$OUT/go-bench.txt" >&2
}
bench ./backend/service/ '^BenchmarkScreens$'
echo "load_after_screens=$(load)" >>"$OUT/machine.txt"
bench ./backend/store/ '^BenchmarkSearchTenYears$'
bench ./backend/pdf/ '^BenchmarkRenderPlan$'
bench ./backend/service/ '^BenchmarkTeamOverview$'
bench ./backend/store/ '^BenchmarkSearchNotes$'
log "team folder sync (once each, a few minutes)"
go test -run '^$' -bench '^(BenchmarkJoinTenYearTeam|BenchmarkNoteToOtherLaptop|BenchmarkIdleSyncPass)$' -count 1 -benchtime 1x \
  -timeout 60m ./backend/teamsync/ | tee -a "$OUT/go-bench.txt" >&2

log "the generator's scale test"
go test -run '^TestGenerateTenYears$' -count 1 -v ./backend/benchdata/ | tee "$OUT/scale.txt" >&2

if [ -n "${BENCH_KEEP_START:-}" ] && [ -s "$OUT/start.txt" ]; then
  log "cold start and memory: kept from the last run (BENCH_KEEP_START)"
else
  log "cold start and memory"
  scripts/bench-start.sh
fi
echo "load_after=$(load)" >>"$OUT/machine.txt"

: >"$OUT/dist.txt"
for f in build/dist/*.exe build/dist/*.deb; do
  [ -f "$f" ] && echo "$(basename "$f")=$(stat -c %s "$f")" >>"$OUT/dist.txt"
done

go run ./bench/report -dir "$OUT" -out "${BENCH_DOC:-docs/performance.md}"
log "wrote ${BENCH_DOC:-docs/performance.md}"
