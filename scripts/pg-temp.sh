#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster in a temporary folder on a free port.
# Usage: source scripts/pg-temp.sh  → sets PG_TEMP_DIR, PG_TEMP_PORT, PG_TEMP_URL; call pg_temp_stop to stop.
set -euo pipefail
PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "PostgreSQL server binaries not found in $PG_BIN (set PG_BIN)." >&2
  return 1 2>/dev/null || exit 1
fi
PG_TEMP_DIR="$(mktemp -d /tmp/rapport-pg.XXXXXX)"
PG_TEMP_PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
mkdir -p "$PG_TEMP_DIR/sock"
as_pg() {
  if [ "$(id -u)" = "0" ]; then chown -R postgres:postgres "$PG_TEMP_DIR"; runuser -u postgres -- "$@"; else "$@"; fi
}
as_pg "$PG_BIN/initdb" -D "$PG_TEMP_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_TEMP_DIR/initdb.log" 2>&1
as_pg "$PG_BIN/pg_ctl" -D "$PG_TEMP_DIR/data" -l "$PG_TEMP_DIR/server.log" -w -t 30 \
  -o "-p $PG_TEMP_PORT -k $PG_TEMP_DIR/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
as_pg "$PG_BIN/createdb" -h "$PG_TEMP_DIR/sock" -p "$PG_TEMP_PORT" -U postgres rapport
PG_TEMP_URL="postgres://postgres@127.0.0.1:$PG_TEMP_PORT/rapport"
pg_temp_stop() {
  if [ -n "${PG_TEMP_DIR:-}" ] && [ -d "$PG_TEMP_DIR/data" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_TEMP_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_TEMP_DIR"
  fi
}
export PG_TEMP_DIR PG_TEMP_PORT PG_TEMP_URL
set +e +u +o pipefail
