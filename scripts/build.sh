#!/usr/bin/env bash
# Configures (once) and builds SPGL with the default preset: Ninja, ccache, RelWithDebInfo.
#   scripts/build.sh [extra cmake --build args, e.g. --target spgl-server]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
if [[ ! -f build/build.ninja ]]; then
  cmake --preset default >/dev/null
fi
cmake --build build "$@"
