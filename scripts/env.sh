# Sourced by the other scripts: puts the project's tools first on PATH.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
export PATH="$ROOT/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Trunk must never download a tool; a version mismatch is then a clear error.
export TRUNK_OFFLINE=true
