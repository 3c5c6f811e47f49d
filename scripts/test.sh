#!/usr/bin/env bash
# Installs what is missing, then runs every test: the lints, the native Rust tests, the CLI's
# CSV read by DuckDB, then the end-to-end tests that drive the release build in headless Chromium.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/scripts/setup.sh" test
cd "$ROOT"

printf '\n== lints (cargo clippy; clippy.toml keeps the stand-ins in the app wasm)\n'
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --bins -- -D warnings

printf '\n== native tests (cargo test)\n'
cargo test --locked

printf '\n== the CLI'"'"'s CSV in DuckDB, the exports in DuckDB and openpyxl (tests/duckdb)\n'
.tools/py/bin/python -m unittest discover -s tests/duckdb -v

printf '\n== release build (trunk build --release)\n'
trunk build --release

printf '\n== end-to-end tests in headless Chromium\n'
node --test --test-concurrency=1 tests/e2e/*.test.mjs
