#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, and runs all suites under ctest — unit tests,
# the server suites on SQLite and on a private PostgreSQL cluster (started and stopped by ctest
# itself, see scripts/pg-test-cluster.sh), and the browser and desktop suites.
#   scripts/test.sh [extra ctest args, e.g. -L server or -R auth]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/bootstrap.sh
scripts/build.sh
export TZ=Asia/Urumqi   # not UTC on purpose: clocks must be computed in Beijing time regardless
cd build
ctest --output-on-failure --timeout 600 -j2 "$@"
