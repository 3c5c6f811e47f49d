#!/usr/bin/env bash
# Measures the floor of the first-visit size (docs/performance.md, "The floor"): builds the
# app's wasm as the release does, then a copy with everything a first visit does not
# show deleted (scripts/size_floor.py), and prints both sizes, raw and brotli -q 11.
# Not part of the tests; takes about 4 minutes.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/scripts/setup.sh" build >/dev/null
export CARGO_TARGET_DIR="$ROOT/target/size-floor"
WORK="$CARGO_TARGET_DIR/work"
rm -rf "$WORK" && mkdir -p "$WORK/floor"
cd "$ROOT"
git ls-files | tar -cf - -T - | tar -xf - -C "$WORK/floor"
python3 scripts/size_floor.py "$WORK/floor"

# Same flags as the release build (index.html, .cargo/config.toml, Trunk.toml).
wasm_size() { # <source dir> <label>
  (cd "$1" && cargo build --release --locked --quiet --target wasm32-unknown-unknown --bin shuzhuan-app)
  local out="$WORK/$2"
  rm -rf "$out" && mkdir -p "$out"
  wasm-bindgen --target web --out-dir "$out" --out-name shuzhuan-app \
    "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/shuzhuan-app.wasm"
  wasm-opt -Oz --low-memory-unused --converge --enable-bulk-memory \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    "$out/shuzhuan-app_bg.wasm" -o "$out/opt.wasm"
  node -e '
    const fs = require("fs"), zlib = require("zlib");
    const b = fs.readFileSync(process.argv[1]);
    const br = zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
    console.log(`${process.argv[2].padEnd(36)} ${(b.length / 1000).toFixed(1).padStart(7)} kB raw ${(br.length / 1000).toFixed(1).padStart(7)} kB brotli`);
  ' "$out/opt.wasm" "$2"
}
echo "wasm of the app (the release's wasm-opt flags)"
wasm_size "$ROOT" app
wasm_size "$WORK/floor" "first-screen-only"
