#!/usr/bin/env bash
# End-to-end: start the real app with `wails dev` under Xvfb on a fresh database in a temp
# folder, then drive its UI in Debian's Chromium (playwright-core) through the dev server,
# whose bindings call the real Go backend. Screenshots go to test-output/e2e/.
set -euo pipefail
cd "$(dirname "$0")/.."

GOBIN_DIR=$(go env GOBIN); [ -n "$GOBIN_DIR" ] || GOBIN_DIR="$(go env GOPATH)/bin"
OUT=test-output/e2e
mkdir -p "$OUT"
rm -f "$OUT"/*.png

port=${E2E_PORT:-}
if [ -z "$port" ]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || echo 34115)
fi
tmp=$(mktemp -d)
dev_pid=""
stop_dev() {
  # Each app was started with setsid, so everything it started shares its session: wails
  # dev, the app, and the Vite dev server, which wails dev puts in a process group of its
  # own (so killing the app's group alone left Vite running). Stop the whole session.
  local pid
  for pid in $dev_pid; do
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in 1 2 3 4 5; do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    pkill -TERM -s "$pid" 2>/dev/null || true
    for _ in 1 2 3 4 5; do pgrep -s "$pid" >/dev/null 2>&1 || break; sleep 1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    pkill -KILL -s "$pid" 2>/dev/null || true
    if pgrep -s "$pid" >/dev/null 2>&1; then
      echo "e2e: processes of session $pid are still running:" >&2
      pgrep -a -s "$pid" >&2 || true
    fi
  done
  dev_pid=""
}
trap 'stop_dev; rm -rf "$tmp"' EXIT

# run_phase NAME DB "TESTFILE..." [PREPARE]: a fresh app on the database named DB (new and empty
# the first time a name is used, so a later phase can check what an earlier one left after a
# restart). PREPARE, if given, is run with the database's path before the app starts.
run_phase() {
  local name=$1 db=$2 file=$3 prepare=${4:-}
  export ICM_DB="$tmp/$db/icm.db"
  export XDG_DATA_HOME="$tmp/$db/xdg"
  export ICM_E2E=1 # vite.config.ts: no hot reload during the run
  mkdir -p "$tmp/$db"
  [ -z "$prepare" ] || "$prepare" "$ICM_DB"
  local log="$OUT/wails-dev-$name.log"
  echo "e2e[$name]: starting wails dev on port $port (log: $log)"
  setsid xvfb-run -a -s "-screen 0 1280x900x24" \
    "$GOBIN_DIR/wails" dev -tags webkit2_41 -m -s -skipbindings -nogorebuild -noreload \
    -loglevel Warning -devserver "localhost:$port" >"$log" 2>&1 &
  dev_pid=$!
  local started=$SECONDS deadline=$((SECONDS + 420))
  until curl -fsS "http://localhost:$port/" >/dev/null 2>&1; do
    if ! kill -0 "$dev_pid" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
      echo "e2e[$name]: wails dev did not come up; last lines of its log:" >&2
      tail -40 "$log" >&2
      exit 1
    fi
    sleep 2
  done
  echo "e2e[$name]: app is up after $((SECONDS - started))s"
  # Several files run one after the other in the order given, on the same app (node --test
  # would sort them); a failure in one does not skip the next, but fails the phase.
  local f failed=0
  for f in $file; do
    E2E_URL="http://localhost:$port" E2E_OUT="$PWD/$OUT" E2E_DB="$ICM_DB" \
      node --test --test-concurrency=1 "$f" || failed=1
  done
  stop_dev
  [ "$failed" = 0 ] || { echo "e2e[$name]: tests failed" >&2; exit 1; }
}

# run_team_phase NAME TESTFILE: two apps at once, the team lead's laptop and a worker's, each
# on a new database of its own, sharing one temp folder as their team folder (as OneDrive or a
# network share would carry it); the test drives both in Chromium.
run_team_phase() {
  local name=$1 file=$2 lead_port worker_port pids=()
  lead_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  worker_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  mkdir -p "$tmp/$name-team"
  for who in lead worker; do
    local p=$lead_port
    [ "$who" = worker ] && p=$worker_port
    mkdir -p "$tmp/$name-$who"
    echo "e2e[$name]: starting the $who's app on port $p (log: $OUT/wails-dev-$name-$who.log)"
    ICM_DB="$tmp/$name-$who/icm.db" XDG_DATA_HOME="$tmp/$name-$who/xdg" ICM_E2E=1 \
      setsid xvfb-run -a -s "-screen 0 1280x900x24" \
      "$GOBIN_DIR/wails" dev -tags webkit2_41 -m -s -skipbindings -nogorebuild -noreload \
      -loglevel Warning -devserver "localhost:$p" >"$OUT/wails-dev-$name-$who.log" 2>&1 &
    pids+=($!)
    dev_pid="${pids[*]}" # stop_dev below stops both
    # The second waits for the first's build, so that they do not build the same binary at once.
    local started=$SECONDS deadline=$((SECONDS + 420))
    until curl -fsS "http://localhost:$p/" >/dev/null 2>&1; do
      if ! kill -0 "${pids[-1]}" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
        echo "e2e[$name]: the $who's app did not come up; last lines of its log:" >&2
        tail -40 "$OUT/wails-dev-$name-$who.log" >&2
        exit 1
      fi
      sleep 2
    done
    echo "e2e[$name]: the $who's app is up after $((SECONDS - started))s"
  done
  E2E_LEAD_URL="http://localhost:$lead_port" E2E_WORKER_URL="http://localhost:$worker_port" \
    E2E_TEAM_DIR="$tmp/$name-team" E2E_OUT="$PWD/$OUT" node --test --test-concurrency=1 "$file"
  stop_dev
}

only=${E2E_ONLY:-}
want() { [ -z "$only" ] || [[ " $only " == *" $1 "* ]]; }
want foundation && run_phase foundation foundation frontend/e2e/foundation.test.mjs
want demo && run_phase demo demo frontend/e2e/demo.test.mjs
# WCAG 2.1 AA on the demo team: axe-core in Danish and English, the focus indicator, keyboard
# only, reflow at 640×450 and 320×256; then the rarer states (dialogs, errors, open forms).
want a11y && run_phase a11y a11y "frontend/e2e/a11y.test.mjs frontend/e2e/a11y-states.test.mjs"
want wizard && run_phase wizard story frontend/e2e/wizard.test.mjs
want wizard && run_phase wizard-restart story frontend/e2e/wizard-restart.test.mjs
want template && run_phase template template frontend/e2e/template.test.mjs
want auth && run_phase auth auth frontend/e2e/auth.test.mjs
want cover && run_phase cover cover frontend/e2e/cover.test.mjs
# The demo database, closed cleanly and then damaged: found by the check after the start.
damaged_demo() { go run ./backend/dbdamage/damagedb -demo -db "$1"; }
want damaged && run_phase damaged damaged frontend/e2e/damaged.test.mjs damaged_demo
want team && run_team_phase team frontend/e2e/team.test.mjs
true
