#!/usr/bin/env bash
# Checks the packages scripts/dist.sh left in build/dist/ (CI runs it after `make dist`):
# the Windows installer is an NSIS installer holding a 64-bit icm.exe with the right
# version (a GUI program) and icmctl.exe (a console program: the PE headers' subsystem is
# read by scripts/pesubsystem), its script stops the uninstaller while ICM runs and speaks
# Danish when Windows is too old, and the .deb has its control fields, dependencies, launcher entry, icons and a
# binary that reports the right version and starts: under Xvfb it draws its first screen
# (and, as root on CI, the package is installed with apt, started and removed again).
# Prints one line per check and "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

DIST=build/dist
VERSION=$(scripts/dist.sh version) || exit 1
EXE=$DIST/icm-$VERSION-windows-amd64-setup.exe
DEB=$DIST/icm_${VERSION}_amd64.deb

passed=0
failed=0
ok() { passed=$((passed + 1)); printf '  ok    %s\n' "$1"; }
bad() { failed=$((failed + 1)); printf '  FAIL  %s\n' "$1"; [ -z "${2:-}" ] || printf '        %s\n' "$2"; }
check() { # description, command...
  local what=$1 out; shift
  if out=$("$@" 2>&1); then ok "$what"; else bad "$what" "$(printf '%s' "$out" | tail -3 | tr '\n' ' ')"; fi
}
has() { # file-with-text, pattern (grep -E)
  grep -qE -- "$2" "$1" || { echo "not found: $2"; return 1; }
}

# A phrase from the licence record inside DejaVuSans.ttf (backend/pdf/fonts): found in a binary
# only when the font was compiled into it, as every PDF embeds it.
FONT_MARK='Glyphs imported from Arev fonts are \(c\) Tavmjung Bah'

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SHOTS=test-output/dist
mkdir -p "$SHOTS"

# starts BIN: the binary opens its window on a new database under Xvfb: while it still runs,
# the database has been created and the screen shows more than a blank window. (The shipped
# binary has no measurement hook to report its first screen: that is built for make bench only,
# see backend/benchhook.)
starts() {
  local d
  d=$(mktemp -d "$tmp/start.XXXX")
  timeout 120 xvfb-run -a -s "-screen 0 1280x900x24" bash -c '
    "$0" -db "$1" >/dev/null 2>"$2/err" & app=$!
    end=$((SECONDS + 60))
    while [ "$SECONDS" -lt "$end" ]; do
      sleep 0.5
      kill -0 "$app" 2>/dev/null || { echo "the program ended early" >"$2/why"; exit 1; }
      import -window root "$2/shot.png" 2>/dev/null || continue
      if [ "$(convert "$2/shot.png" -format %k info: 2>/dev/null || echo 0)" -gt 64 ]; then
        kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; exit 0
      fi
    done
    echo "no window drawn within a minute" >"$2/why"; kill "$app" 2>/dev/null; exit 1' "$1" "$d/icm.db" "$d" >/dev/null 2>&1 ||
    { cat "$d/why" 2>/dev/null || echo "no first screen"; tail -5 "$d/err" 2>/dev/null; return 1; }
  [ -s "$d/icm.db" ] || { echo "no database created at $d/icm.db"; return 1; }
}

# screenshot BIN PNG: the window of BIN on a new database, once it shows more than a blank
# screen, as a person would see it.
screenshot() {
  local d
  d=$(mktemp -d "$tmp/shot.XXXX")
  timeout 120 xvfb-run -a -s "-screen 0 1280x900x24" bash -c '
    "$0" -db "$1" >/dev/null 2>&1 & app=$!
    for _ in $(seq 120); do
      sleep 0.5
      import -window root "$2" 2>/dev/null || continue
      [ "$(convert "$2" -format %k info: 2>/dev/null || echo 0)" -gt 64 ] && break
    done
    sleep 1.5
    import -window root "$2"
    kill "$app" 2>/dev/null; wait "$app" 2>/dev/null; true' "$1" "$d/icm.db" "$2" >/dev/null 2>&1
  [ -s "$2" ] && [ "$(convert "$2" -format %k info:)" -gt 64 ] || { echo "blank window"; return 1; }
}

echo "dist-check: version $VERSION"
check "VERSION, wails.json and the Go default agree" scripts/dist.sh check-version
check "THIRD-PARTY-LICENSES.txt has the PDF font's licence" has "$DIST/THIRD-PARTY-LICENSES.txt" '^Arev Fonts Copyright'

echo "Windows installer: $EXE"
if [ -f "$EXE" ]; then
  ok "installer exists ($(stat -c %s "$EXE") bytes)"
  file -b "$EXE" > "$tmp/exe.file"
  check "file: PE32 executable, Nullsoft installer" has "$tmp/exe.file" '^PE32 executable .*Nullsoft Installer'
  strings -el "$EXE" > "$tmp/exe.strings"
  check "installer version resource says $VERSION" has "$tmp/exe.strings" "^$VERSION\$"
  if 7z l -ba "$EXE" > "$tmp/exe.list" 2>&1; then
    ok "7z opens the installer"
    for f in icm.exe icmctl.exe uninstall.exe THIRD-PARTY-LICENSES.txt 'MicrosoftEdgeWebview2Setup.exe'; do
      check "installer holds $f" has "$tmp/exe.list" "(^|[ /])${f//./\\.}\$"
    done
    if 7z e -y -o"$tmp/win" "$EXE" icm.exe > /dev/null 2>&1 && [ -f "$tmp/win/icm.exe" ]; then
      file -b "$tmp/win/icm.exe" > "$tmp/app.file"
      check "icm.exe: PE32+ x86-64 GUI program" has "$tmp/app.file" '^PE32\+ executable \(GUI\) x86-64'
      strings -el "$tmp/win/icm.exe" > "$tmp/app.strings"
      check "icm.exe version resource says $VERSION" has "$tmp/app.strings" "^$VERSION\$"
      check "icm.exe asks for no administrator rights" has "$tmp/win/icm.exe" 'level="asInvoker"'
      check "icm.exe holds the PDF font (DejaVu Sans)" has "$tmp/win/icm.exe" "$FONT_MARK"
      go version -m "$tmp/win/icm.exe" > "$tmp/app.buildinfo" 2>&1
      check "icm.exe is a production build that reports a missing WebView2 (wv2runtime.error)" \
        has "$tmp/app.buildinfo" '-tags=.*wv2runtime\.error.*production|-tags=.*production.*wv2runtime\.error'
    else
      bad "icm.exe extracted from the installer"
    fi
    if 7z e -y -o"$tmp/win" "$EXE" icmctl.exe > /dev/null 2>&1 && [ -f "$tmp/win/icmctl.exe" ]; then
      check "icm.exe: PE subsystem 2 (GUI: the window)" go run ./scripts/pesubsystem -want gui "$tmp/win/icm.exe"
      check "icmctl.exe: PE subsystem 3 (console: output, exit codes and the passphrase prompt in cmd/PowerShell)" \
        go run ./scripts/pesubsystem -want console "$tmp/win/icmctl.exe"
      go version -m "$tmp/win/icmctl.exe" > "$tmp/ctl.buildinfo" 2>&1
      # Two checks: one regex with | would pass on the path line alone.
      check "icmctl.exe is built from cmd/icmctl" \
        has "$tmp/ctl.buildinfo" "^[[:space:]]+path[[:space:]]+icm/cmd/icmctl\$"
      # -trimpath leaves -ldflags out of the build info, and the version string is also in the
      # binary without them; the version is checked by running the .deb's icmctl -version, which
      # build_console builds with the same flags.
    else
      bad "icmctl.exe extracted from the installer"
    fi
  else
    bad "7z opens the installer" "$(tail -2 "$tmp/exe.list")"
  fi
  nsi=build/windows/installer/project.nsi
  check "installer script is per-user" has "$nsi" '^ +!define REQUEST_EXECUTION_LEVEL "user"'
  check "installer script installs icmctl.exe" has "$nsi" '^ +File ".*\$\{CONSOLE_EXECUTABLE\}"'
  check "uninstaller removes icmctl.exe" has "$nsi" '^ +Delete "\$INSTDIR\\\$\{CONSOLE_EXECUTABLE\}"'
  check "uninstaller finds a running icm.exe (file in use) and asks to close it" has "$nsi" 'MessageBox MB_RETRYCANCEL.*"\$\(unRunning\)" /SD IDCANCEL'
  check "a silent uninstall while ICM runs stops with an error level" has "$nsi" '^ +SetErrorLevel \$\{EXIT_ICM_RUNNING\}'
  awk '/^Section "uninstall"/{u=1} u&&/Call un.EnsureICMClosed/{print "ok"; exit} u&&/Delete /{exit}' "$nsi" > "$tmp/order"
  check "uninstaller checks before it deletes anything" has "$tmp/order" '^ok$'
  check "running is decided from the process list (a read-only icm.exe does not block)" has "$nsi" 'nsExec::ExecToStack .*tasklist\.exe.*IMAGENAME eq \$R9'
  check "the installer asks to close a running ICM before it overwrites anything" has "$nsi" 'MessageBox MB_RETRYCANCEL.*"\$\(instRunning\)" /SD IDCANCEL'
  awk '/^Section "!\$\(secProgram\)"/{u=1} u&&/Call EnsureICMClosed/{print "ok"; exit} u&&/^ +(File|SetOutPath|!insertmacro wails.files)/{exit}' "$nsi" > "$tmp/iorder"
  check "installer checks before it writes a file" has "$tmp/iorder" '^ok$'
  check "the 'needs Windows 10' message in Danish" has "$nsi" '^LangString win10Required \$\{LANG_DANISH\} ".*Windows 10'
  check "wails_tools.nsh shows our message" has "$nsi" '^!define WAILS_WIN10_REQUIRED "\$\(win10Required\)"'
  check "README: how a script waits for the uninstaller" has README.md 'Start-Process .*_\?=.*-Wait'
else
  bad "installer exists" "run make dist"
fi

echo "Debian package: $DEB"
if [ -f "$DEB" ]; then
  ok "package exists ($(stat -c %s "$DEB") bytes)"
  field() { dpkg-deb -f "$DEB" "$1"; }
  check "Package: icm" test "$(field Package)" = icm
  check "Version: $VERSION" test "$(field Version)" = "$VERSION"
  check "Architecture: amd64" test "$(field Architecture)" = amd64
  field Depends > "$tmp/depends"
  for dep in libgtk-3-0 libwebkit2gtk-4.1-0 libc6; do
    check "Depends on $dep" has "$tmp/depends" "(^|, )$dep( |,|\$)"
  done
  dpkg-deb -c "$DEB" | awk '{print $NF}' > "$tmp/deb.list"
  for f in ./usr/bin/icm ./usr/bin/icmctl ./usr/share/applications/icm.desktop ./usr/share/icons/hicolor/256x256/apps/icm.png \
           ./usr/share/icons/hicolor/48x48/apps/icm.png ./usr/share/icons/hicolor/scalable/apps/icm.svg \
           ./usr/share/doc/icm/copyright ./usr/share/doc/icm/THIRD-PARTY-LICENSES.txt; do
    check "contains $f" has "$tmp/deb.list" "^${f//./\\.}\$"
  done
  dpkg-deb -x "$DEB" "$tmp/root"
  desktop=$tmp/root/usr/share/applications/icm.desktop
  if command -v desktop-file-validate >/dev/null; then
    check "desktop-file-validate icm.desktop" desktop-file-validate "$desktop"
  else
    bad "desktop-file-validate available" "apt-get install desktop-file-utils (scripts/install-deps.sh dist)"
  fi
  check ".desktop starts icm" has "$desktop" '^Exec=icm$'
  check ".desktop icon is icm" has "$desktop" '^Icon=icm$'
  file -b "$tmp/root/usr/share/icons/hicolor/256x256/apps/icm.png" > "$tmp/icon.file"
  check "256x256 icon is a 256 x 256 PNG" has "$tmp/icon.file" '^PNG image data, 256 x 256'
  file -b "$tmp/root/usr/bin/icm" > "$tmp/bin.file"
  check "icm: ELF 64-bit x86-64" has "$tmp/bin.file" '^ELF 64-bit LSB .*x86-64'
  check "icm holds the PDF font (DejaVu Sans)" has "$tmp/root/usr/bin/icm" "$FONT_MARK"
  check "icm -version prints $VERSION" test "$("$tmp/root/usr/bin/icm" -version 2>&1)" = "$VERSION"
  check "icmctl -version prints $VERSION" test "$("$tmp/root/usr/bin/icmctl" -version 2>&1)" = "$VERSION"
  "$tmp/root/usr/bin/icmctl" > "$tmp/ctl.out" 2>&1; echo "exit $?" >> "$tmp/ctl.out"
  check "icmctl without a command shows its usage (exit 2), no window" has "$tmp/ctl.out" '^exit 2$'
  check "the packaged icm starts and draws its first screen under Xvfb" starts "$tmp/root/usr/bin/icm"
  # Installed for real where that is harmless: as root on a CI machine, with every dependency
  # already there (scripts/install-deps.sh), so apt needs nothing from the network.
  if [ "${CI:-}" = true ] && [ "$(id -u)" = 0 ]; then
    if apt-get install -y -q "$PWD/$DEB" >"$tmp/apt.log" 2>&1; then
      ok "apt-get installs the package"
      check "installed: /usr/bin/icm -version prints $VERSION" test "$(/usr/bin/icm -version 2>&1)" = "$VERSION"
      check "installed: /usr/bin/icmctl -version prints $VERSION" test "$(/usr/bin/icmctl -version 2>&1)" = "$VERSION"
      check "installed: the launcher entry is in place" test -f /usr/share/applications/icm.desktop
      check "installed: icm starts and draws its first screen under Xvfb" starts /usr/bin/icm
      check "installed: screenshot of the first window ($SHOTS/deb-start.png)" screenshot /usr/bin/icm "$SHOTS/deb-start.png"
      if apt-get remove -y -q icm >>"$tmp/apt.log" 2>&1 && [ ! -e /usr/bin/icm ] && [ ! -e /usr/bin/icmctl ]; then
        ok "apt-get removes the package"
      else
        bad "apt-get removes the package" "$(tail -3 "$tmp/apt.log" | tr '\n' ' ')"
      fi
    else
      bad "apt-get installs the package" "$(tail -3 "$tmp/apt.log" | tr '\n' ' ')"
    fi
  else
    check "screenshot of the packaged icm's first window ($SHOTS/deb-start.png)" screenshot "$tmp/root/usr/bin/icm" "$SHOTS/deb-start.png"
  fi
else
  bad "package exists" "run make dist"
fi

echo "dist-check: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
