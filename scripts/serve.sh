#!/usr/bin/env bash
# Installs what is missing, then builds the release app and serves it on
# http://127.0.0.1:8080, rebuilding on change.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$ROOT/scripts/setup.sh" build
cd "$ROOT"
exec trunk serve --release "$@"
