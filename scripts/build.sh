#!/usr/bin/env bash
# Configures (once) and builds SPGL with the default preset: Ninja, ccache, RelWithDebInfo.
#   scripts/build.sh [extra cmake --build args, e.g. --target spgl-server]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
# Precompiled headers are uncacheable for ccache without this sloppiness; a relative base dir
# lets other checkouts beside this one (worktrees, a CI clone) share the cache.
export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros}
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$(dirname "$root")}
if [[ ! -f build/build.ninja ]]; then
  cmake --preset default >/dev/null
fi
cmake --build build "$@"
