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
export ICM_DB="$tmp/icm.db"
export XDG_DATA_HOME="$tmp/xdg"

log="$OUT/wails-dev.log"
echo "e2e: starting wails dev on port $port (log: $log)"
setsid xvfb-run -a -s "-screen 0 1280x900x24" \
  "$GOBIN_DIR/wails" dev -tags webkit2_41 -m -s -skipbindings -nogorebuild -noreload \
  -loglevel Warning -devserver "localhost:$port" >"$log" 2>&1 &
dev_pid=$!

cleanup() {
  kill -TERM -- "-$dev_pid" 2>/dev/null || true
  sleep 1
  kill -KILL -- "-$dev_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

deadline=$((SECONDS + 420))
until curl -fsS "http://localhost:$port/" >/dev/null 2>&1; do
  if ! kill -0 "$dev_pid" 2>/dev/null; then
    echo "e2e: wails dev exited early; last lines of its log:" >&2
    tail -40 "$log" >&2
    exit 1
  fi
  if [ $SECONDS -gt $deadline ]; then
    echo "e2e: wails dev did not come up in time; last lines of its log:" >&2
    tail -40 "$log" >&2
    exit 1
  fi
  sleep 2
done
echo "e2e: app is up after ${SECONDS}s"

E2E_URL="http://localhost:$port" E2E_OUT="$PWD/$OUT" E2E_DB="$ICM_DB" \
  node --test --test-concurrency=1 frontend/e2e/
