#!/usr/bin/env bash
# Builds the packages people install, into build/dist/:
#   icm-VERSION-windows-amd64-setup.exe   NSIS installer (cross-built here, no cgo): icm.exe, the window,
#                                         and icmctl.exe, the console program for IT
#   icm_VERSION_amd64.deb                 Debian/Ubuntu package with a launcher entry and icon;
#                                         /usr/bin/icm (the window) and /usr/bin/icmctl (console)
#   THIRD-PARTY-LICENSES.txt, SHA256SUMS
#
#   scripts/dist.sh [all]        both packages (what `make dist` runs)
#   scripts/dist.sh windows      the installer only
#   scripts/dist.sh linux        the .deb only
#   scripts/dist.sh version      print the version
#   scripts/dist.sh check-version  fail unless VERSION, wails.json and the Go default agree
#
# The version has one source, the VERSION file. The build passes it to Go with -ldflags
# (-X icm/backend/service.Version=...) and writes it into wails.json (info.productVersion,
# which Wails puts in the .exe's version resource and the installer). The default in
# backend/service/app_service.go is what `go run` and `wails dev` show; check-version keeps
# it equal to VERSION. The frontend gets the commit and build date as VITE_ICM_COMMIT and
# VITE_ICM_BUILT for the About dialog.
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-all}
DIST=build/dist
TAGS=webkit2_41
GOBIN_DIR=$(go env GOBIN)
[ -n "$GOBIN_DIR" ] || GOBIN_DIR="$(go env GOPATH)/bin"
WAILS="$GOBIN_DIR/wails"

log() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { echo "dist: $*" >&2; exit 1; }

read_version() {
  [ -f VERSION ] || die "VERSION file missing"
  local v
  v=$(tr -d ' \n\r' < VERSION)
  # Three numbers: Windows version resources and NSIS need MAJOR.MINOR.PATCH(.0).
  [[ "$v" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || die "VERSION must be MAJOR.MINOR.PATCH, got '$v'"
  echo "$v"
}
VERSION=$(read_version)

# wails.json's info.productVersion as written in the file.
wails_json_version() {
  node -e 'const j=require("./wails.json"); process.stdout.write(String((j.info||{}).productVersion||""))'
}

# The default of `var Version = "..."` in the Go code.
go_default_version() {
  sed -n 's/^var Version = "\(.*\)"$/\1/p' backend/service/app_service.go
}

check_version() {
  local bad=0 w g
  w=$(wails_json_version)
  g=$(go_default_version)
  if [ "$w" != "$VERSION" ]; then
    echo "wails.json info.productVersion is '$w' but VERSION says $VERSION (scripts/dist.sh writes it: run make dist and commit wails.json)" >&2
    bad=1
  fi
  if [ "$g" != "$VERSION" ]; then
    echo "backend/service/app_service.go has Version = \"$g\" but VERSION says $VERSION: change that line to match" >&2
    bad=1
  fi
  [ $bad -eq 0 ] || exit 1
  echo "version $VERSION: VERSION, wails.json and the Go default agree"
}

sync_wails_json() {
  [ "$(wails_json_version)" = "$VERSION" ] && return 0
  log "wails.json: productVersion -> $VERSION"
  node -e '
    const fs = require("fs");
    const j = JSON.parse(fs.readFileSync("wails.json", "utf8"));
    j.info = j.info || {};
    j.info.productVersion = process.argv[1];
    fs.writeFileSync("wails.json", JSON.stringify(j, null, 2) + "\n");
  ' "$VERSION"
}

ldflags() { echo "-X icm/backend/service.Version=$VERSION"; }

build_frontend() {
  local commit built
  commit=$(git rev-parse --short=10 HEAD 2>/dev/null || echo "")
  if [ -n "$commit" ] && [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]; then
    commit="$commit+changes"
  fi
  built=$(date -u +%Y-%m-%d)
  log "frontend: build (commit ${commit:-unknown}, built $built)"
  (cd frontend && VITE_ICM_COMMIT="$commit" VITE_ICM_BUILT="$built" npm run build --silent)
}

# Licence texts of everything compiled into the binaries or bundled into the UI.
write_licenses() {
  local out=$DIST/THIRD-PARTY-LICENSES.txt tmp
  tmp=$(mktemp)
  {
    echo "ICM $VERSION – third-party components and their licences"
    echo "================================================================"
    echo
    echo "ICM is built from the components below. Each keeps its own licence; the full"
    echo "texts follow. On Windows the window is drawn by the Microsoft Edge WebView2"
    echo "Runtime, which is not part of this package and is licensed by Microsoft."
    echo
  } > "$tmp"
  local mods
  mods=$( { GOOS=linux GOARCH=amd64 CGO_ENABLED=1 go list -tags "$TAGS,production" -deps -f '{{with .Module}}{{.Path}} {{.Version}}{{end}}' .
            GOOS=windows GOARCH=amd64 CGO_ENABLED=0 go list -tags "$TAGS,production" -deps -f '{{with .Module}}{{.Path}} {{.Version}}{{end}}' .; } \
          | grep -v '^icm ' | sort -u)
  local modcache
  modcache=$(go env GOMODCACHE)
  emit() { # name, version, licence file
    { echo "----------------------------------------------------------------"
      echo "$1 $2"
      echo "----------------------------------------------------------------"
      cat "$3"; echo; } >> "$tmp"
  }
  cat THIRD-PARTY-LICENSES >> "$tmp"; echo >> "$tmp" # material kept in the repository (the PDF font)
  emit "Go standard library" "$(go env GOVERSION)" "$(go env GOROOT)/LICENSE"
  while read -r m v; do
    [ -n "$m" ] || continue
    local dir lic
    dir="$modcache/$(echo "$m" | sed 's/[A-Z]/!\L&/g')@$v"
    lic=$(find "$dir" -maxdepth 1 -type f -iregex '.*/\(licen[cs]e\|copying\)\(\.md\|\.txt\)?' | sort | head -1)
    [ -n "$lic" ] || die "no licence file found for Go module $m $v"
    emit "$m" "$v" "$lic"
  done <<< "$mods"
  local p
  while read -r p; do
    case "$p" in */node_modules/@types/*|*/node_modules/csstype) continue ;; esac
    local lic name ver
    lic=$(find "$p" -maxdepth 1 -type f -iregex '.*/licen[cs]e\(\.md\|\.txt\)?' | head -1)
    [ -n "$lic" ] || die "no licence file found for npm package $p"
    name=$(node -p "require('$p/package.json').name")
    ver=$(node -p "require('$p/package.json').version")
    emit "$name (npm)" "$ver" "$lic"
  done < <(cd frontend && npm ls --omit=dev --all --parseable 2>/dev/null | grep node_modules)
  mv "$tmp" "$out"
  chmod 644 "$out"
}

wails_build() { # platform, extra args...
  local platform=$1; shift
  # The build tags (webkit2_41) come from wails.json.
  "$WAILS" build -s -m -skipbindings -trimpath -platform "$platform" -ldflags "$(ldflags)" "$@"
}

# build_console GOOS OUT: the console program for IT (cmd/icmctl), the same headless commands
# as icm's command line; pure Go, so no cgo on either system. Without its symbol tables, as
# Wails builds icm (-s -w): the installer carries both programs.
build_console() {
  log "$1: ${2##*/} (the console program for IT)"
  mkdir -p build/bin
  GOOS=$1 GOARCH=amd64 CGO_ENABLED=0 go build -trimpath -ldflags "-s -w $(ldflags)" -o "$2" ./cmd/icmctl
}

build_windows() {
  log "windows: icm.exe, icmctl.exe and the NSIS installer"
  command -v makensis >/dev/null || die "makensis missing: scripts/install-deps.sh dist (apt nsis)"
  rm -f build/bin/icm.exe build/bin/icmctl.exe build/bin/icm-amd64-installer.exe
  # Before the installer: project.nsi packs build/bin/icmctl.exe beside icm.exe.
  build_console windows build/bin/icmctl.exe
  # -webview2 error: an offline laptop cannot download the runtime, so the app says so
  # plainly (ask IT) instead of offering a download; the installer handles installing it.
  CGO_ENABLED=0 wails_build windows/amd64 -nsis -installscope user -webview2 error
  [ -f build/bin/icm-amd64-installer.exe ] || die "the installer was not produced (see the makensis output above)"
  cp build/bin/icm-amd64-installer.exe "$DIST/icm-$VERSION-windows-amd64-setup.exe"
}

build_linux() {
  log "linux: icm and the .deb"
  rm -f build/bin/icm build/bin/icmctl
  wails_build linux/amd64
  build_console linux build/bin/icmctl
  local root pkgdir=packaging/linux
  root=$(mktemp -d)
  install -Dm755 build/bin/icm "$root/usr/bin/icm"
  install -Dm755 build/bin/icmctl "$root/usr/bin/icmctl"
  install -Dm644 "$pkgdir/icm.desktop" "$root/usr/share/applications/icm.desktop"
  local icon
  while read -r icon; do
    install -Dm644 "$icon" "$root/usr/share/icons/${icon#"$pkgdir"/icons/}"
  done < <(find "$pkgdir/icons" -type f | sort)
  install -Dm644 "$pkgdir/copyright" "$root/usr/share/doc/icm/copyright"
  install -Dm644 "$DIST/THIRD-PARTY-LICENSES.txt" "$root/usr/share/doc/icm/THIRD-PARTY-LICENSES.txt"

  # Library dependencies from the binary itself (dpkg-shlibdeps reads its NEEDED entries).
  local shlibs work
  work=$(mktemp -d)
  mkdir -p "$work/debian"
  printf 'Source: icm\n\nPackage: icm\nArchitecture: amd64\n' > "$work/debian/control"
  cp build/bin/icm "$work/icm"
  shlibs=$(cd "$work" && dpkg-shlibdeps -O -e icm 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
  rm -rf "$work"
  [ -n "$shlibs" ] || die "dpkg-shlibdeps found no dependencies"
  for need in libgtk-3-0 libwebkit2gtk-4.1-0; do
    grep -q "$need" <<< "$shlibs" || die "expected $need in the binary's dependencies, got: $shlibs"
  done

  local size
  size=$(du -sk "$root/usr" | cut -f1)
  mkdir -p "$root/DEBIAN"
  sed -e "s/@VERSION@/$VERSION/" -e "s/@DEPENDS@/$shlibs/" -e "s/@SIZE@/$size/" \
    "$pkgdir/control.in" > "$root/DEBIAN/control"
  chmod 644 "$root/DEBIAN/control"
  find "$root" -type d -exec chmod 755 {} +
  dpkg-deb --build --root-owner-group -Zxz "$root" "$DIST/icm_${VERSION}_amd64.deb" >/dev/null
  rm -rf "$root"
}

case "$what" in
  version) echo "$VERSION"; exit 0 ;;
  check-version) check_version; exit 0 ;;
  all|windows|linux) ;;
  *) die "unknown command '$what' (all, windows, linux, version, check-version)" ;;
esac

[ -x "$WAILS" ] || die "Wails CLI missing: scripts/install-deps.sh dist"
sync_wails_json
check_version
mkdir -p "$DIST"
build_frontend
write_licenses
case "$what" in
  all) build_windows; build_linux ;;
  windows) build_windows ;;
  linux) build_linux ;;
esac
cd "$DIST"
shopt -s nullglob
pkgs=(icm-"$VERSION"-*.exe icm_"$VERSION"_*.deb)
sha256sum -- "${pkgs[@]}" > SHA256SUMS
log "packages in $DIST (version $VERSION)"
for f in "${pkgs[@]}"; do
  awk -v f="$f" -v b="$(stat -c %s "$f")" 'BEGIN { printf "  %-40s %6.1f MB\n", f, b / 1048576 }'
done
