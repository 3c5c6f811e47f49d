#!/usr/bin/env bash
# Draws the app's icons (manifest, apple-touch-icon, favicon) from assets/icons/*.svg with
# Debian's rsvg-convert (librsvg2-bin). The PNGs and favicon.ico are committed: run this
# only after changing an SVG.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../assets/icons"
command -v rsvg-convert >/dev/null || { echo "rsvg-convert is missing: apt-get install librsvg2-bin" >&2; exit 1; }
rsvg-convert -w 192 -h 192 icon.svg -o icon-192.png
rsvg-convert -w 512 -h 512 icon.svg -o icon-512.png
rsvg-convert -w 512 -h 512 icon-maskable.svg -o icon-maskable-512.png
# iOS draws its own rounded corners over a full square.
rsvg-convert -w 180 -h 180 icon-maskable.svg -o apple-touch-icon.png
rsvg-convert -w 32 -h 32 icon.svg -o favicon-32.png
# ../favicon.ico for whatever asks for /favicon.ico: an ICO header around the 32 px PNG.
node -e '
  const fs = require("fs");
  const png = fs.readFileSync("favicon-32.png");
  const head = Buffer.alloc(22);
  head.writeUInt16LE(0, 0); head.writeUInt16LE(1, 2); head.writeUInt16LE(1, 4); // icon, 1 image
  head.writeUInt8(32, 6); head.writeUInt8(32, 7);                              // 32 x 32
  head.writeUInt16LE(1, 10); head.writeUInt16LE(32, 12);                       // planes, bits per pixel
  head.writeUInt32LE(png.length, 14); head.writeUInt32LE(22, 18);              // size, offset
  fs.writeFileSync("../favicon.ico", Buffer.concat([head, png]));
'
rm favicon-32.png
ls -l
