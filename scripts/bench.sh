#!/usr/bin/env bash
# The benchmark of docs/performance.md: installs what is missing, builds the release app,
# then measures sizes, load and edit latencies in headless Chromium, printing to PDF and
# the CLI's scoring throughput, and prints each figure beside its budget (OVER / ok).
# Timing is noisy: a figure over budget never fails this script; only a crash does.
#   scripts/bench.sh                   the table on stdout (progress on stderr)
#   BENCH_SKIP_CLI=1 scripts/bench.sh  without the CLI (saves its release build)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/scripts/setup.sh" bench
cd "$ROOT"

# Peak memory of the CLI comes from GNU time (Debian's `time`), not the shell keyword.
if ! dpkg-query -W -f='${Status}' time 2>/dev/null | grep -q "install ok installed"; then
  printf '\n== apt-get install time\n'
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time
fi

# Its own dist directory: a `trunk build` that another command runs at the same time
# (scripts/test.sh, trunk serve) would otherwise replace files in dist/ under it.
export BENCH_DIST="${BENCH_DIST:-$ROOT/target/bench-dist}"
printf '\n== release build (trunk build --release --dist %s)\n' "${BENCH_DIST#"$ROOT"/}"
trunk build --release --dist "$BENCH_DIST"

printf '\n== benchmark (about 2 minutes)\n'
exec node tests/e2e/bench/run.mjs
