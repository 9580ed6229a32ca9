#!/usr/bin/env bash
# Installs what the project needs and is missing, on Debian 12 / Ubuntu:
#   build  – GTK and WebKitGTK 4.1 headers, the Wails CLI, the frontend's npm packages
#   test   – the above plus Chromium, Xvfb and poppler-utils for end-to-end and PDF checks,
#            and what dist needs (make test ends with the package check)
#   dist   – build plus NSIS (the Windows installer), dpkg-dev, desktop-file-utils, file and
#            7-Zip (to build and look inside the packages)
# Each step checks first, so a second run is quick. Safe to run as root or with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

WAILS_VERSION=v2.16.0
what=${1:-build}

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi

apt_pkgs=(pkg-config gcc libgtk-3-dev libwebkit2gtk-4.1-dev)
if [ "$what" = test ]; then
  apt_pkgs+=(chromium xvfb xauth poppler-utils fonts-dejavu-core fonts-liberation2 fonts-noto-color-emoji imagemagick)
fi
if [ "$what" = test ] || [ "$what" = dist ]; then
  apt_pkgs+=(nsis dpkg-dev desktop-file-utils file p7zip-full binutils)
fi

missing=()
for p in "${apt_pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v go >/dev/null 2>&1; then
  echo "Go 1.24 or newer is required (https://go.dev/doc/install); it is not on PATH." >&2
  exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  log "apt: installing nodejs and npm"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null || true
  node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$node_major" -lt 20 ]; then
    echo "Node.js 20 or newer is required for the frontend build (found: $(node --version 2>/dev/null || echo none))." >&2
    exit 1
  fi
fi

GOBIN_DIR=$(go env GOBIN)
[ -n "$GOBIN_DIR" ] || GOBIN_DIR="$(go env GOPATH)/bin"
# Read the whole output first: grep -q stops reading early, and with pipefail the CLI's
# broken pipe would count as "not installed" and reinstall it on every run.
wails_have=$("$GOBIN_DIR/wails" version 2>/dev/null || true)
if ! grep -q "$WAILS_VERSION" <<< "$wails_have"; then
  log "go: installing the Wails CLI $WAILS_VERSION"
  go install "github.com/wailsapp/wails/v2/cmd/wails@$WAILS_VERSION"
fi

stamp=frontend/node_modules/.package-lock.json
if [ -L frontend/node_modules ]; then
  # A git worktree that borrows another checkout's packages: npm ci would empty that
  # checkout's folder through the link. Compare the lock files instead of installing.
  cmp -s frontend/package-lock.json "$(readlink -f frontend/node_modules)/../package-lock.json" ||
    log "npm: frontend/node_modules is a link to another checkout whose package-lock.json differs; install there"
elif [ ! -f "$stamp" ] || [ frontend/package-lock.json -nt "$stamp" ]; then
  log "npm: installing frontend packages"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
fi
