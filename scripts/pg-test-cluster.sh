#!/usr/bin/env bash
# Starts or stops the private PostgreSQL cluster that the tests use (never the system's own).
#   scripts/pg-test-cluster.sh start DIR [PORT]   fresh cluster in DIR, listening on 127.0.0.1:PORT
#   scripts/pg-test-cluster.sh stop  DIR [PORT]
set -euo pipefail
action=${1:?start|stop}; dir=${2:?folder}; port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -x $bin/pg_ctl ]] || { echo "pg-test-cluster: PostgreSQL server binaries not found (run scripts/bootstrap.sh)" >&2; exit 1; }

as_pg() {
  if [[ $(id -u) -eq 0 ]]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case $action in
  start)
    if [[ -f $dir/data/postmaster.pid ]]; then as_pg "'$bin/pg_ctl' -D '$dir/data' -m immediate -w stop" >/dev/null 2>&1 || true; fi
    rm -rf "$dir"; mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
    as_pg "'$bin/initdb' -D '$dir/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_pg "'$bin/pg_ctl' -D '$dir/data' -l '$dir/log' -o \"-p $port -k '$dir' -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=300\" -w start" >/dev/null \
      || { cat "$dir/log" >&2; exit 1; }
    echo "pg-test-cluster: PostgreSQL running on 127.0.0.1:$port (data $dir/data)"
    ;;
  stop)
    if [[ -f $dir/data/postmaster.pid ]]; then
      as_pg "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop" >/dev/null
      echo "pg-test-cluster: stopped"
    fi
    ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
