#!/usr/bin/env bash
# Private PostgreSQL cluster under .data/ using this machine's PostgreSQL binaries (no Docker).
#   build/pg.sh start|stop|status|url [database]|recreate <database>
# Settings: PGPORT_PRIVATE (default 55432), PG_DATA_DIR (default <repo>/.data/pg), PG_TEST_TUNING=1
# (fsync/synchronous_commit/full_page_writes off: for throwaway test data only).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${PGPORT_PRIVATE:-55432}"
data="${PG_DATA_DIR:-$root/.data/pg}"
sock="$data/socket"
log="$data/postgres.log"

find_bin() {
  local dir
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v pg_ctl)")"; return; fi
  for dir in /usr/lib/postgresql/*/bin; do [ -x "$dir/pg_ctl" ] && { echo "$dir"; return; }; done
  return 1
}

ensure_binaries() {
  if bin="$(find_bin)"; then return; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "pg.sh: PostgreSQL binaries missing; installing the Debian package 'postgresql'" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
    bin="$(find_bin)" || { echo "pg.sh: install finished but pg_ctl is still missing" >&2; exit 1; }
  else
    echo "pg.sh: PostgreSQL binaries (pg_ctl, initdb) are missing. Install them, e.g. 'sudo apt-get install postgresql'." >&2
    exit 1
  fi
}

# initdb and pg_ctl refuse to run as root: run them as the 'postgres' user, who must own the data.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

url() { echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=postgres;Database=${1:-recruitment}"; }

start() {
  ensure_binaries
  if [ ! -s "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    if [ "$(id -u)" = 0 ]; then
      chown -R postgres:postgres "$data"
      # The clone may sit below folders only root can enter (mktemp -d): let postgres traverse them.
      local dir="$data"
      while dir="$(dirname "$dir")" && [ "$dir" != / ]; do
        runuser -u postgres -- test -x "$dir" 2>/dev/null || chmod o+x "$dir"
      done
    fi
    local pw; pw="$(mktemp)"; echo postgres > "$pw"; chmod 644 "$pw"
    as_pg "$bin/initdb" -D "$data" -U postgres --pwfile="$pw" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pw"
    mkdir -p "$sock"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$sock"
  fi
  if as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then echo "pg.sh: already running on port $port"; return; fi
  local opts="-p $port -k $sock -c listen_addresses=127.0.0.1 -c max_connections=300"
  if [ "${PG_TEST_TUNING:-0}" = 1 ]; then opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"; fi
  as_pg "$bin/pg_ctl" -D "$data" -l "$log" -o "$opts" -w -t 30 start >/dev/null
  as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtAc "select 1" >/dev/null 2>&1 \
    || PGPASSWORD=postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtAc "select 1" >/dev/null
  PGPASSWORD=postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qtAc \
    "select 1 from pg_database where datname='recruitment'" | grep -q 1 \
    || PGPASSWORD=postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "create database recruitment" >/dev/null
  echo "pg.sh: PostgreSQL running on 127.0.0.1:$port (data in $data)"
}

stop() {
  bin="$(find_bin)" || { echo "pg.sh: no PostgreSQL binaries"; return; }
  if [ -s "$data/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null && echo "pg.sh: stopped"
  else
    echo "pg.sh: not running"
  fi
}

status() {
  bin="$(find_bin)" || { echo "pg.sh: no PostgreSQL binaries"; exit 1; }
  if [ -s "$data/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    echo "pg.sh: running on 127.0.0.1:$port"
  else
    echo "pg.sh: not running"; exit 3
  fi
}

# Drops and creates one database (the demo starts from an empty one every time).
recreate() {
  local db="${1:?usage: build/pg.sh recreate <database>}"
  bin="$(find_bin)" || { echo "pg.sh: no PostgreSQL binaries"; exit 1; }
  PGPASSWORD=postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "drop database if exists \"$db\" with (force)" >/dev/null
  PGPASSWORD=postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "create database \"$db\"" >/dev/null
}

case "${1:-}" in
  start) start ;;
  recreate) recreate "${2:-}" ;;
  stop) stop ;;
  status) status ;;
  url) url "${2:-recruitment}" ;;
  *) echo "usage: build/pg.sh start|stop|status|url [database]|recreate <database>" >&2; exit 2 ;;
esac
