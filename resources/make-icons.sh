#!/usr/bin/env bash
# Draws the Wheelhouse icon (a ship's wheel on a dark rounded square) with ImageMagick and
# writes every size the installers take. Run it from anywhere after changing the drawing;
# commit the outputs (the build does not run ImageMagick).
#   wheelhouse-1024.png  master; macOS builds wheelhouse.icns from it (sips + iconutil, see jpackage/README.md)
#   wheelhouse.png       256x256: Linux packages, desktop entry, window icon
#   wheelhouse.ico       16-256 px: Windows launcher and installer
set -euo pipefail
cd "$(dirname "$0")"
command -v convert >/dev/null || { echo "make-icons: needs ImageMagick (convert)" >&2; exit 1; }

gold='#f2b544'
hub_hole='#16213a'
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Eight spokes at 22.5 + k*45 degrees, from the hub out past the rim, each ending in a handle.
spokes=$(awk 'BEGIN { pi = atan2(0, -1)
  for (i = 0; i < 8; i++) { a = pi / 8 + i * pi / 4
    printf "line %.1f,%.1f %.1f,%.1f ", 512 + cos(a) * 70, 512 + sin(a) * 70, 512 + cos(a) * 352, 512 + sin(a) * 352 } }')
handles=$(awk 'BEGIN { pi = atan2(0, -1)
  for (i = 0; i < 8; i++) { a = pi / 8 + i * pi / 4; x = 512 + cos(a) * 372; y = 512 + sin(a) * 372
    printf "circle %.1f,%.1f %.1f,%.1f ", x, y, x + 40, y } }')

convert -size 1024x1024 gradient:'#2a3a5c'-'#111a2e' \
  \( -size 1024x1024 xc:black -fill white -draw 'roundrectangle 24,24 999,999 210,210' \) \
  -alpha off -compose CopyOpacity -composite -compose Over \
  -stroke "$gold" -strokewidth 34 -fill none -draw "$spokes" \
  -strokewidth 52 -draw 'circle 512,512 774,512' \
  -stroke none -fill "$gold" -draw "$handles" -draw 'circle 512,512 608,512' \
  -fill "$hub_hole" -draw 'circle 512,512 552,512' \
  -strip PNG32:"$tmp/master.png"

convert "$tmp/master.png" -filter Lanczos -resize 1024x1024 -strip PNG32:wheelhouse-1024.png
convert "$tmp/master.png" -filter Lanczos -resize 256x256 -strip PNG32:wheelhouse.png
for s in 16 24 32 48 64 128 256; do
  convert "$tmp/master.png" -filter Lanczos -resize ${s}x${s} -strip PNG32:"$tmp/icon-$s.png"
done
convert "$tmp"/icon-{16,24,32,48,64,128,256}.png wheelhouse.ico
echo "make-icons: wrote wheelhouse-1024.png wheelhouse.png wheelhouse.ico"
