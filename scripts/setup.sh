#!/usr/bin/env bash
# Installs whatever is missing, idempotently, from crates.io, npm, PyPI and Debian only.
#   scripts/setup.sh build   the tools to build and serve the app
#   scripts/setup.sh test    the above, plus Chromium, fonts, poppler, nginx, the e2e packages
#                            and DuckDB and openpyxl (PyPI, in a venv under .tools/py) for tests/duckdb/
#   scripts/setup.sh bench   the above, plus Lighthouse (scripts/bench.sh; not needed by the tests)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

what="${1:-test}"
TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
ESBUILD_VERSION=0.25.0
DUCKDB_VERSION=2.0.0
OPENPYXL_VERSION=3.1.5
# The CLI must match the wasm-bindgen crate exactly; Cargo.toml pins it, Cargo.lock records it.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"

step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  step "cargo install trunk $TRUNK_VERSION (about 5 minutes)"
  # Trunk's own fat-LTO profile doubles the build time for no benefit here.
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  step "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Some releases' lockfiles name crates the registry no longer has: fall back to unlocked.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked ||
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Debian's binaryen is too old for wasm-bindgen's output; npm's is the right one.
# esbuild minifies the JS glue and start script (scripts/post-build.mjs). One install for both:
# a second one would remove what the first installed.
if ! wasm-opt --version 2>/dev/null | grep -q "version ${BINARYEN_VERSION%%.*}" ||
  [ "$(esbuild --version 2>/dev/null)" != "$ESBUILD_VERSION" ]; then
  step "npm install binaryen@$BINARYEN_VERSION esbuild@$ESBUILD_VERSION into .tools/"
  mkdir -p .tools
  npm install --prefix .tools --no-audit --no-fund --no-save "binaryen@$BINARYEN_VERSION" "esbuild@$ESBUILD_VERSION"
fi

[ "$what" = build ] && exit 0

# nginx with its brotli_static module: tests/e2e/hosting.test.mjs runs docs/hosting.md's recipe.
APT_PACKAGES=(chromium chromium-driver fonts-noto-cjk poppler-utils brotli nginx libnginx-mod-http-brotli-static)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

# playwright-core drives Debian's Chromium; it never downloads a browser.
lock_hash="$(sha256sum tests/e2e/package-lock.json | cut -d' ' -f1)"
if [ "$(cat tests/e2e/node_modules/.lock-hash 2>/dev/null)" != "$lock_hash" ]; then
  step "npm ci in tests/e2e"
  (cd tests/e2e && npm ci --no-audit --no-fund && echo "$lock_hash" > node_modules/.lock-hash)
fi

# DuckDB reads the CLI's CSV in tests/duckdb/ as a data tool would: the Python package from
# PyPI, in a venv of its own (Debian's python3 refuses pip installs into the system).
if [ "$(.tools/py/bin/python -c 'import duckdb; print(duckdb.__version__)' 2>/dev/null)" != "$DUCKDB_VERSION" ]; then
  step "pip install duckdb==$DUCKDB_VERSION into .tools/py"
  if [ ! -x .tools/py/bin/python ] && ! python3 -m venv .tools/py; then
    rm -rf .tools/py
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv
    python3 -m venv .tools/py
  fi
  .tools/py/bin/pip install --quiet --disable-pip-version-check "duckdb==$DUCKDB_VERSION"
fi
# openpyxl reads the app's XLSX exports in tests/duckdb/test_spreadsheets.py as a
# spreadsheet would (`python -m pip`: a venv copied from elsewhere keeps its pip's path).
if [ "$(.tools/py/bin/python -c 'import openpyxl; print(openpyxl.__version__)' 2>/dev/null)" != "$OPENPYXL_VERSION" ]; then
  step "pip install openpyxl==$OPENPYXL_VERSION into .tools/py"
  .tools/py/bin/python -m pip install --quiet --disable-pip-version-check "openpyxl==$OPENPYXL_VERSION"
fi

[ "$what" = bench ] || exit 0

# Lighthouse (npm; Node 20 runs the 12.x line) drives Debian's Chromium via CHROME_PATH.
LIGHTHOUSE_VERSION=12.8.2
if [ "$(.tools/lighthouse/node_modules/.bin/lighthouse --version 2>/dev/null)" != "$LIGHTHOUSE_VERSION" ]; then
  step "npm install lighthouse@$LIGHTHOUSE_VERSION into .tools/lighthouse/"
  mkdir -p .tools/lighthouse
  npm install --prefix .tools/lighthouse --no-audit --no-fund --no-save "lighthouse@$LIGHTHOUSE_VERSION"
fi
