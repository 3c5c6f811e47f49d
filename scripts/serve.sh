#!/usr/bin/env bash
# Installs what is missing, builds the release app and serves dist/ as a real host does
# (scripts/static-server.mjs, docs/hosting.md): .br/.gz by Accept-Encoding, media types,
# cache headers and the Content-Security-Policy header, on http://127.0.0.1:8080.
#   scripts/serve.sh [port]   (rebuild with the same command after a change; for a
#                             watching dev server without these headers: trunk serve)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/scripts/setup.sh" build
cd "$ROOT"
trunk build --release
exec node scripts/static-server.mjs dist "${1:-8080}"
