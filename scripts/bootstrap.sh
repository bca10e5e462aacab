#!/usr/bin/env bash
# Installs every Debian 12 package that SPGL's build, tests and demo need.
# Idempotent: when everything is present it only checks and returns in well under a second.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git curl clang-format
  qt6-base-dev qt6-webengine-dev qt6-charts-dev qt6-pdf-dev qt6-svg-dev qt6-tools-dev
  qt6-tools-dev-tools qt6-l10n-tools qt6-positioning-dev libqt6sql6-sqlite libqt6sql6-psql
  qt6-translations-l10n
  libgl1-mesa-dev libpoco-dev libgdal-dev gdal-bin libsqlite3-dev sqlite3 libpq-dev libjemalloc-dev
  postgresql postgresql-15-postgis-3 nlohmann-json3-dev libargon2-dev libssl-dev
  xvfb xauth fonts-wqy-microhei chromium poppler-utils nginx-light wrk
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "bootstrap: installing ${#missing[@]} missing package(s): ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then SUDO=sudo; else
      echo "bootstrap: need root (or sudo) to install: ${missing[*]}" >&2; exit 1
    fi
  else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  if ! $SUDO apt-get update -qq; then
    echo "bootstrap: 'apt-get update' failed: check the network or the apt sources" >&2; exit 1
  fi
  if ! $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/spgl-bootstrap-apt.log 2>&1; then
    tail -n 30 /tmp/spgl-bootstrap-apt.log >&2
    echo "bootstrap: apt-get install failed (full log: /tmp/spgl-bootstrap-apt.log)" >&2; exit 1
  fi
fi

# Node.js ≥ 20.19 builds the portal (Vite 7) and runs its browser tests. Debian 12's own nodejs is
# 18: take the one the machine's apt sources offer, and stop with a clear message when it is older.
node_ok() {
  command -v node >/dev/null && command -v npm >/dev/null &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>20||(a===20&&b>=19)?0:1)'
}
if ! node_ok; then
  echo "bootstrap: installing Node.js (nodejs) from the apt sources"
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get install -y -qq --no-install-recommends nodejs >>/tmp/spgl-bootstrap-apt.log 2>&1 || true
  if ! node_ok; then
    echo "bootstrap: Node.js >= 20.19 with npm is needed for the applicant portal and its tests" \
         "(found: $(node --version 2>/dev/null || echo none)); install Node.js 20 LTS, e.g. from nodesource," \
         "or configure with -DSPGL_BUILD_PORTAL=OFF to build without the portal" >&2
    exit 1
  fi
fi

# Node packages from the committed lock files: tools/ (the OpenAPI lint) and server/portal/ (the
# applicant portal and its browser tests).
root=$(cd "$(dirname "$0")/.." && pwd)
for dir in tools server/portal; do
  if [[ -f "$root/$dir/package-lock.json" ]]; then
    if [[ ! -d "$root/$dir/node_modules" || "$root/$dir/package-lock.json" -nt "$root/$dir/node_modules/.stamp" ]]; then
      echo "bootstrap: installing node packages in $dir/"
      (cd "$root/$dir" && npm ci --no-audit --no-fund --loglevel=error) && touch "$root/$dir/node_modules/.stamp"
    fi
  fi
done
echo "bootstrap: all packages present"
