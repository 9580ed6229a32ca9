#!/usr/bin/env bash
# Draws the app icon from packaging/icon/icm.svg into the files the packages use:
#   build/appicon.png (1024x1024, Wails), build/windows/icon.ico (16-256 px),
#   packaging/linux/icons/hicolor/SIZExSIZE/apps/icm.png (the .deb's launcher icons; main.go embeds the
#   256 px one as the window's icon on Linux),
#   frontend/src/features/about/icon.png (128 px, the About dialog).
# Run it after changing the SVG and commit the results; the dist build only copies them.
# Needs rsvg-convert (apt librsvg2-bin: ImageMagick's own SVG reader drops gradients) and
# ImageMagick's convert for the .ico.
set -euo pipefail
cd "$(dirname "$0")/.."

svg=packaging/icon/icm.svg
command -v rsvg-convert >/dev/null || { echo "rsvg-convert missing: apt-get install librsvg2-bin" >&2; exit 1; }
command -v convert >/dev/null || { echo "convert missing: apt-get install imagemagick" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p build/windows
rsvg-convert -w 1024 -h 1024 "$svg" -o build/appicon.png

ico_parts=()
for s in 16 24 32 48 64 128 256; do
  rsvg-convert -w "$s" -h "$s" "$svg" -o "$tmp/$s.png"
  ico_parts+=("$tmp/$s.png")
done
convert "${ico_parts[@]}" build/windows/icon.ico

for s in 16 24 32 48 64 128 256 512; do
  dir=packaging/linux/icons/hicolor/${s}x${s}/apps
  mkdir -p "$dir"
  rsvg-convert -w "$s" -h "$s" "$svg" -o "$dir/icm.png"
done
mkdir -p packaging/linux/icons/hicolor/scalable/apps
cp "$svg" packaging/linux/icons/hicolor/scalable/apps/icm.svg
cp packaging/linux/icons/hicolor/128x128/apps/icm.png frontend/src/features/about/icon.png
echo "icons written from $svg"
