#!/usr/bin/env bash
# Runs SPGL on this machine: installs what is missing, builds, starts spgl-server on the embedded
# SQLite database with demo data at http://127.0.0.1:8080, and spgl-desk when a display exists.
# Stop with Ctrl-C. Data lives in ./var (delete it to start over).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/bootstrap.sh
scripts/build.sh
export TZ=${TZ:-Asia/Shanghai}
data=${SPGL_DATA_DIR:-$root/var}
mkdir -p "$data"

cat <<'TXT'

SPGL demo accounts (demo only — every password is Demo@2026):
  applicant    申报人（企业）          agency       中介机构
  clerk        综合窗口受理人员        reviewer     住建局审批人员
  head         住建局科长              coordinator  自然资源局牵头协调
  supervisor   效能督察                admin        系统管理员
  rev.fgw rev.zrzy rev.sthj rev.swj rev.jtys rev.rfb rev.xfjy rev.csgl rev.dag  各部门审批人员
On first start 300 demo projects are generated across stages, states and clock levels.
Server: http://127.0.0.1:8080   (health: curl http://127.0.0.1:8080/api/v1/health)
TXT

build/server/spgl-server --data-dir="$data" --demo --demo-projects=300 --listen=127.0.0.1:8080 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT INT TERM
for _ in $(seq 1 600); do
  curl -fs http://127.0.0.1:8080/api/v1/health >/dev/null 2>&1 && break
  kill -0 $server 2>/dev/null || { echo "spgl-server did not start (see the messages above)" >&2; exit 1; }
  sleep 0.1
done
if [[ -n ${DISPLAY:-} && -x build/client/app/spgl-desk ]]; then
  build/client/app/spgl-desk --server=http://127.0.0.1:8080 &
fi
wait $server
