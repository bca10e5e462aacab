#!/usr/bin/env bash
# The API benchmarks of the approval-engine issue, side by side in one run (these machines drift):
#   1. GET /api/v1/cases?state=… (authenticated, wrk -t2 -c64) on SQLite and on PostgreSQL, with
#      20,000 demo projects, against nginx serving a static JSON file of the same size.
#      Targets: ≥ 0.15 of nginx's rate, p99 ≤ 30 ms.
#   2. submit+accept pairs/s (bench_submit) on PostgreSQL against pgbench TPC-B on the same
#      cluster (target ≥ 0.4 of pgbench's tps), and on SQLite for the record.
#
# Builds nothing: expects build/server/spgl-server and build/tests/bench/bench_submit
# (cmake --build build --target spgl-server bench_submit). The demo data is generated once into
# $SPGL_BENCH_DATA (default build/bench-data: an SQLite file and a PostgreSQL cluster; takes
# minutes) and reused; every run works on a copy, so runs start from the same data.
#
# Environment (all optional):
#   SPGL_BENCH_DATA=DIR      cache of the demo data (default build/bench-data)
#   SPGL_BENCH_PROJECTS=N    demo projects (default 20000)
#   SPGL_BENCH_PG_PORT=P     port of the private PostgreSQL (default 55436)
#   SPGL_BENCH_THREADS=N     spgl-server --threads (default: the server's default)
#   SPGL_BENCH_QUERY=Q       the case list query (default state=in_progress)
#   SPGL_BENCH_USER=U        who lists the cases (default reviewer, 住建局)
#   SPGL_BENCH_DURATION=S    wrk duration (default 15)
#   SPGL_BENCH_SUBMIT_SECONDS=S, SPGL_BENCH_SUBMIT_THREADS=N (default 20, 16)
#   SPGL_BENCH_ONLY=list|submit   run one part only
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
server=$root/build/server/spgl-server
submit=$root/build/tests/bench/bench_submit
data=${SPGL_BENCH_DATA:-$root/build/bench-data}
projects=${SPGL_BENCH_PROJECTS:-20000}
pgport=${SPGL_BENCH_PG_PORT:-55436}
query=${SPGL_BENCH_QUERY:-state=in_progress}
user=${SPGL_BENCH_USER:-reviewer}
duration=${SPGL_BENCH_DURATION:-15}
submit_seconds=${SPGL_BENCH_SUBMIT_SECONDS:-20}
submit_threads=${SPGL_BENCH_SUBMIT_THREADS:-16}
only=${SPGL_BENCH_ONLY:-}
anchor=2026-11-27 # a fixed anchor day: the same demo histories on every machine
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pgurl_base="postgresql://postgres@127.0.0.1:$pgport"

for tool in wrk nginx pgbench psql curl; do
  command -v $tool >/dev/null || { echo "bench_api: $tool is missing" >&2; exit 1; }
done
[[ -x $server ]] || { echo "bench_api: build $server first" >&2; exit 1; }
[[ -x $submit ]] || { echo "bench_api: build $submit first (target bench_submit)" >&2; exit 1; }

work=$(mktemp -d /tmp/spgl-bench.XXXXXX)
chmod 755 "$work"
pids=()
pg_started=0
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  if [[ $pg_started == 1 ]]; then
    psql -q "$pgurl_base/postgres" -c "DROP DATABASE IF EXISTS spgl_run" >/dev/null 2>&1 || true
    psql -q "$pgurl_base/postgres" -c "DROP DATABASE IF EXISTS pgbench" >/dev/null 2>&1 || true
    as_pg "'$pgbin/pg_ctl' -D '$data/pg/data' -m fast -w stop" >/dev/null 2>&1 || true
  fi
  # Keep the logs and raw outputs of the last run for a look afterwards.
  rm -rf "$data/last-run" && mkdir -p "$data/last-run"
  for f in "$work"/*.txt "$work"/*.log "$work"/*.json; do
    if [[ -f $f ]]; then cp "$f" "$data/last-run/"; fi
  done
  for b in sqlite pg; do
    if [[ -f $work/$b/server.log ]]; then cp "$work/$b/server.log" "$data/last-run/server-$b.log"; fi
  done
  rm -rf "$work"
}
trap cleanup EXIT

as_pg() { if [[ $(id -u) -eq 0 ]]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

pg_start() {
  # The cached cluster keeps the generated database; pg-test-cluster.sh would wipe it. When it
  # is already running (a previous run left it up, or someone is looking at it), use it as is.
  if as_pg "'$pgbin/pg_ctl' -D '$data/pg/data' status" >/dev/null 2>&1; then return 0; fi
  as_pg "'$pgbin/pg_ctl' -D '$data/pg/data' -l '$data/pg/log' -o \"-p $pgport -k '$data/pg' -c listen_addresses=127.0.0.1 -c max_connections=300 ${SPGL_BENCH_PG_OPTS:-}\" -w start" >/dev/null
  pg_started=1
}

# Starts spgl-server on --db=$1 with data dir $2; sets $port and $spid.
start_server() {
  local db=$1 dir=$2 threads=()
  [[ -n ${SPGL_BENCH_THREADS:-} ]] && threads=(--threads="$SPGL_BENCH_THREADS")
  rm -f "$dir/port"
  "$server" --listen=127.0.0.1:0 --port-file="$dir/port" --data-dir="$dir" --db="$db" --access-ttl=7200 \
    --clock-scan=0 "${threads[@]}" >"$dir/server.log" 2>&1 &
  spid=$!
  pids+=("$spid")
  for _ in $(seq 1 600); do
    [[ -s $dir/port ]] && port=$(cat "$dir/port") && curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null && return 0
    kill -0 "$spid" 2>/dev/null || { cat "$dir/server.log" >&2; return 1; }
    sleep 0.1
  done
  echo "bench_api: spgl-server did not start" >&2
  return 1
}
stop_server() {
  kill "$spid" 2>/dev/null && wait "$spid" 2>/dev/null || true
}

token_of() { # user port
  curl -fs -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"Demo@2026\"}" \
    "http://127.0.0.1:$2/api/v1/auth/login" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p'
}

# wrk NAME URL [header]: prints one result line, records req/s and p99 (ms) in $rps / $p99.
run_wrk() {
  local name=$1 url=$2 out
  shift 2
  out=$(wrk -t2 -c64 -d"${duration}s" --latency "$@" "$url")
  echo "$out" >"$work/wrk-$name.txt"
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/, "", v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v*=1000} print v}' <<<"$out")
  local errors
  errors=$(awk '/Non-2xx|Socket errors/' <<<"$out")
  printf '%-22s %10.0f req/s   p99 %8.2f ms   %s\n' "$name" "$rps" "$p99" "$errors"
}

# ---------------------------------------------------------------------------------------------
# The demo data, generated once.
mkdir -p "$data"
if [[ ! -f $data/sqlite.done ]]; then
  log "generating $projects demo projects on SQLite into $data/sqlite (minutes)"
  rm -rf "$data/sqlite"
  mkdir -p "$data/sqlite"
  "$server" demo --projects="$projects" --seed=1 --anchor=$anchor --data-dir="$data/sqlite" --db=sqlite \
    >"$data/sqlite-demo.log" 2>&1 &
  gen_sqlite=$!
fi
if [[ ! -f $data/pg.done && -n ${SPGL_BENCH_PG_GENERATE:-} ]]; then
  log "generating $projects demo projects on PostgreSQL into $data/pg (tens of minutes)"
  [[ -d $data/pg/data ]] && as_pg "'$pgbin/pg_ctl' -D '$data/pg/data' -m immediate -w stop" >/dev/null 2>&1 || true
  bash scripts/pg-test-cluster.sh start "$data/pg" "$pgport" >/dev/null
  pg_started=1
  psql -q "$pgurl_base/postgres" -c "CREATE DATABASE spgl_demo"
  mkdir -p "$data/pg-files"
  "$server" demo --projects="$projects" --seed=1 --anchor=$anchor --data-dir="$data/pg-files" \
    --db="$pgurl_base/spgl_demo" >"$data/pg-demo.log" 2>&1 &
  gen_pg=$!
fi
if [[ -n ${gen_sqlite:-} ]]; then
  wait "$gen_sqlite" || { cat "$data/sqlite-demo.log" >&2; exit 1; }
  tail -n 1 "$data/sqlite-demo.log" >&2
  touch "$data/sqlite.done"
fi
if [[ -n ${gen_pg:-} ]]; then
  wait "$gen_pg" || { cat "$data/pg-demo.log" >&2; exit 1; }
  tail -n 1 "$data/pg-demo.log" >&2
  psql -q "$pgurl_base/spgl_demo" -c "VACUUM ANALYZE" >/dev/null
  touch "$data/pg.done"
fi
if [[ ! -f $data/pg.done ]]; then
  # The generator runs about 4 times slower on PostgreSQL (one round trip per statement): copy
  # the SQLite demo instead. Same rows on both backends, so the comparison is like for like.
  log "copying the SQLite demo into PostgreSQL ($data/pg)"
  [[ -d $data/pg/data ]] && as_pg "'$pgbin/pg_ctl' -D '$data/pg/data' -m immediate -w stop" >/dev/null 2>&1 || true
  bash scripts/pg-test-cluster.sh start "$data/pg" "$pgport" >/dev/null
  pg_started=1
  psql -q "$pgurl_base/postgres" -c "CREATE DATABASE spgl_demo"
  mkdir -p "$data/pg-files"
  "$server" migrate --data-dir="$data/pg-files" --db="$pgurl_base/spgl_demo" >/dev/null
  tables=$(sqlite3 "$data/sqlite/spgl.db" "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'")
  {
    echo "SET session_replication_role = replica;" # no FK checks or triggers while loading
    echo "TRUNCATE $(tr -s ' \n' ',' <<<"$tables" | sed 's/,$//');" # rows the migrations seeded
    for t in $tables; do
      sqlite3 -cmd ".headers on" -cmd ".mode insert $t" "$data/sqlite/spgl.db" "SELECT * FROM $t"
    done
    # Every serial column (id, changes.seq, …) continues after the copied rows.
    cat <<'EOF'
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT table_name, column_name FROM information_schema.columns
           WHERE table_schema = 'public' AND column_default LIKE 'nextval(%' LOOP
    EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), GREATEST(1, (SELECT MAX(%I) FROM %I)))',
                   r.table_name, r.column_name, r.column_name, r.table_name);
  END LOOP;
END $$;
EOF
  } | psql -q -v ON_ERROR_STOP=1 -1 "$pgurl_base/spgl_demo" >/dev/null
  psql -q "$pgurl_base/spgl_demo" -c "VACUUM ANALYZE" >/dev/null
  touch "$data/pg.done"
fi
[[ $pg_started == 1 ]] || pg_start
# The cached databases follow this build's schema: a new migration runs once here (then VACUUM
# ANALYZE), not in every run's copy, where its rewrite and dead rows would be measured.
schema() { psql -tA "$pgurl_base/spgl_demo" -c "SELECT MAX(version) FROM schema_migrations"; }
before=$(schema)
"$server" migrate --data-dir="$data/pg-files" --db="$pgurl_base/spgl_demo" >/dev/null
if [[ $(schema) != "$before" ]]; then
  log "migrated the cached PostgreSQL demo to schema $(schema); VACUUM ANALYZE"
  psql -q "$pgurl_base/spgl_demo" -c "VACUUM ANALYZE" >/dev/null
fi
"$server" migrate --data-dir="$data/sqlite" --db=sqlite >/dev/null

# A fresh copy for this run: the SQLite file, and a database cloned from the cached one.
mkdir -p "$work/sqlite" "$work/pg"
cp "$data"/sqlite/spgl.db* "$work/sqlite/"
cp -r "$data/sqlite/blobs" "$work/sqlite/" 2>/dev/null || true
psql -q "$pgurl_base/postgres" -c "DROP DATABASE IF EXISTS spgl_run" -c "CREATE DATABASE spgl_run TEMPLATE spgl_demo"
pgurl="$pgurl_base/spgl_run"

cpus=$(nproc)
echo "== spgl bench_api $(date -u +%Y-%m-%dT%H:%MZ) on $(uname -n): $cpus CPUs, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "   $projects demo projects (seed 1, anchor $anchor); $(psql -tA "$pgurl" -c "SELECT count(*) FROM cases") cases"
echo "   spgl-server threads: ${SPGL_BENCH_THREADS:-default}; wrk -t2 -c64 -d${duration}s; query /api/v1/cases?$query as $user"

# ---------------------------------------------------------------------------------------------
if [[ -z $only || $only == list ]]; then
  start_server sqlite "$work/sqlite"
  sqlite_port=$port sqlite_pid=$spid
  start_server "$pgurl" "$work/pg"
  pg_port=$port pg_pid=$spid
  tok_sqlite=$(token_of "$user" "$sqlite_port")
  tok_pg=$(token_of "$user" "$pg_port")
  [[ -n $tok_sqlite && -n $tok_pg ]] || { echo "bench_api: login as $user failed" >&2; exit 1; }
  path="/api/v1/cases?$query"
  curl -fs -H "Authorization: Bearer $tok_sqlite" "http://127.0.0.1:$sqlite_port$path" >"$work/cases-sqlite.json"
  curl -fs -H "Authorization: Bearer $tok_pg" "http://127.0.0.1:$pg_port$path" >"$work/cases-pg.json"
  size=$(stat -c %s "$work/cases-sqlite.json")
  items=$(grep -o '"id":"[0-9]*-[0-9]*"' "$work/cases-sqlite.json" | wc -l)
  echo "   response: $size bytes, $items cases (PostgreSQL: $(stat -c %s "$work/cases-pg.json") bytes)"

  # nginx: the same bytes as a static file, its own config, foreground, on a free port.
  mkdir -p "$work/nginx/www" "$work/nginx/tmp"
  cp "$work/cases-sqlite.json" "$work/nginx/www/cases.json"
  chmod -R a+rX "$work/nginx"
  nginx_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  cat >"$work/nginx/nginx.conf" <<EOF
daemon off;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  keepalive_requests 10000;
  client_body_temp_path $work/nginx/tmp/body;
  proxy_temp_path $work/nginx/tmp/proxy;
  fastcgi_temp_path $work/nginx/tmp/fastcgi;
  uwsgi_temp_path $work/nginx/tmp/uwsgi;
  scgi_temp_path $work/nginx/tmp/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/nginx/www;
  }
}
EOF
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
  nginx_pid=$!
  pids+=("$nginx_pid")
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$nginx_port/cases.json" >/dev/null && break; sleep 0.1; done
  [[ $(curl -fs "http://127.0.0.1:$nginx_port/cases.json" | wc -c) == "$size" ]] || { echo "bench_api: nginx not serving" >&2; exit 1; }

  echo
  echo "-- case list: GET $path"
  run_wrk nginx "http://127.0.0.1:$nginx_port/cases.json"
  nginx_rps=$rps nginx_p99=$p99
  run_wrk spgl-sqlite "http://127.0.0.1:$sqlite_port$path" -H "Authorization: Bearer $tok_sqlite"
  sqlite_rps=$rps sqlite_p99=$p99
  run_wrk spgl-postgresql "http://127.0.0.1:$pg_port$path" -H "Authorization: Bearer $tok_pg"
  pgl_rps=$rps pgl_p99=$p99
  ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a / b}'; }
  verdict() { awk -v r="$1" -v p="$2" 'BEGIN {print (r >= 0.15 && p <= 30) ? "met" : "MISSED"}'; }
  echo "RESULT list nginx_rps=$nginx_rps nginx_p99_ms=$nginx_p99"
  echo "RESULT list sqlite_rps=$sqlite_rps sqlite_p99_ms=$sqlite_p99 ratio=$(ratio "$sqlite_rps" "$nginx_rps") target=$(verdict "$(ratio "$sqlite_rps" "$nginx_rps")" "$sqlite_p99")"
  echo "RESULT list postgresql_rps=$pgl_rps postgresql_p99_ms=$pgl_p99 ratio=$(ratio "$pgl_rps" "$nginx_rps") target=$(verdict "$(ratio "$pgl_rps" "$nginx_rps")" "$pgl_p99")"
  kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
  spid=$sqlite_pid stop_server
  spid=$pg_pid stop_server
fi

# CPU ticks (user + system) used so far by the server ($spid) and by the PostgreSQL cluster: its
# postmaster, every live child, and the children that exited (the postmaster's reaped times).
cpu_ticks() {
  local server pg=0 pm
  server=$(awk '{print $14 + $15}' "/proc/${spid:-0}/stat" 2>/dev/null || echo 0)
  pm=$(head -n 1 "$data/pg/data/postmaster.pid" 2>/dev/null || true)
  if [[ -n $pm && -r /proc/$pm/stat ]]; then
    pg=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
    for c in $(pgrep -P "$pm"); do
      pg=$((pg + $(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || echo 0)))
    done
  fi
  echo "$server $pg"
}

# ms_each TICKS N: CPU ticks spread over N items, in milliseconds each.
ms_each() { awk -v c="$1" -v n="$2" -v t="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", c * 1000 / t / n}'; }

# submit_run NAME: bench_submit against the server on $port; prints its lines and the CPU per
# pair of the server, of PostgreSQL and of the driver over the timed part; sets $pairs_per_s,
# $server_ms, $pg_ms and $driver_ms.
submit_run() {
  local name=$1 out="$work/submit-$1.txt" bpid c0="" c1=""
  "$submit" --url="http://127.0.0.1:$port" --threads="$submit_threads" --seconds="$submit_seconds" >"$out" &
  bpid=$!
  pids+=("$bpid")
  # The timed part starts after the "projects created" line and ends with the "pairs in" line;
  # sampled every 0.1 s (the server and PostgreSQL are idle after the end).
  while kill -0 "$bpid" 2>/dev/null; do
    [[ -z $c0 ]] && grep -q 'projects created' "$out" && c0=$(cpu_ticks)
    [[ -z $c1 ]] && grep -q 'submit+accept pairs in' "$out" && c1=$(cpu_ticks)
    sleep 0.1
  done
  wait "$bpid" || { cat "$out" >&2; exit 1; }
  [[ -n $c1 ]] || c1=$(cpu_ticks)
  sed "s/^/   $name: /" "$out"
  pairs_per_s=$(awk '/^RESULT submit_accept_per_s/ {print $3}' "$out")
  local pairs s0 p0 s1 p1
  pairs=$(awk '/submit\+accept pairs in/ {print $2}' "$out")
  read -r s0 p0 <<<"$c0"
  read -r s1 p1 <<<"$c1"
  server_ms=$(ms_each $((s1 - s0)) "$pairs")
  pg_ms=$(ms_each $((p1 - p0)) "$pairs")
  driver_ms=$(awk '/driver CPU/ {print $4}' "$out")
  if [[ $name == sqlite ]]; then
    echo "   $name: CPU per pair: spgl-server $server_ms ms, driver $driver_ms ms"
  else
    echo "   $name: CPU per pair: spgl-server $server_ms ms, PostgreSQL $pg_ms ms, driver $driver_ms ms"
  fi
}

# ---------------------------------------------------------------------------------------------
if [[ -z $only || $only == submit ]]; then
  echo
  echo "-- submit+accept ($submit_threads threads, ${submit_seconds}s) against pgbench TPC-B"
  psql -q "$pgurl_base/postgres" -c "DROP DATABASE IF EXISTS pgbench" -c "CREATE DATABASE pgbench"
  pgbench -q -i -s 10 "$pgurl_base/pgbench" >"$work/pgbench-init.log" 2>&1
  spid="" c0=$(cpu_ticks)
  pgbench -c 16 -j 2 -T "$submit_seconds" "$pgurl_base/pgbench" >"$work/pgbench.log" 2>&1
  c1=$(cpu_ticks)
  pg_tps=$(awk '/^tps = / {print $3; exit}' "$work/pgbench.log")
  grep -E 'latency average|^tps' "$work/pgbench.log" | sed 's/^/   pgbench: /'
  pgbench_ms=$(ms_each $((${c1#* } - ${c0#* })) \
    "$(awk '/^number of transactions actually processed/ {print $NF}' "$work/pgbench.log" | cut -d/ -f1)")
  echo "   pgbench: PostgreSQL CPU per transaction $pgbench_ms ms"

  start_server "$pgurl" "$work/pg"
  submit_run postgresql
  pg_pairs=$pairs_per_s pg_server_ms=$server_ms pg_pg_ms=$pg_ms pg_driver_ms=$driver_ms
  stop_server

  start_server sqlite "$work/sqlite"
  submit_run sqlite
  sqlite_pairs=$pairs_per_s
  stop_server

  echo "RESULT submit pgbench_tps=$pg_tps pgbench_pg_cpu_ms=$pgbench_ms"
  echo "RESULT submit postgresql_cpu_ms_per_pair server=$pg_server_ms postgresql=$pg_pg_ms driver=$pg_driver_ms"
  # What PostgreSQL's own share allows: the pairs/s if the server and the driver cost nothing.
  echo "RESULT submit postgresql_alone_pairs_per_s=$(awk -v c="$cpus" -v p="$pg_pg_ms" 'BEGIN {printf "%.0f", c * 1000 / p}') ratio=$(awk -v c="$cpus" -v p="$pg_pg_ms" -v b="$pg_tps" 'BEGIN {printf "%.3f", c * 1000 / p / b}')"
  echo "RESULT submit postgresql_pairs_per_s=$pg_pairs ratio=$(awk -v a="$pg_pairs" -v b="$pg_tps" 'BEGIN {printf "%.3f", a / b}') target=$(awk -v a="$pg_pairs" -v b="$pg_tps" 'BEGIN {print (a / b >= 0.4) ? "met" : "MISSED"}')"
  echo "RESULT submit sqlite_pairs_per_s=$sqlite_pairs"
fi
