#!/usr/bin/env bash
# The whole test run: unit, integration on PGlite and on a throwaway PostgreSQL, a production
# build, then Playwright in Chromium against it (PostgreSQL suite + embedded smoke suite).
# Ends with one line: "N passed, N failed".
# PostgreSQL: PG_BIN, a system PostgreSQL 15+, or the binaries `npm install` brings
# (scripts/find-postgres.mjs). Chromium: CHROMIUM_PATH, the system's, or Playwright's own
# (scripts/find-chromium.cjs).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
OUT="$ROOT/.test-data/results"
rm -rf "$ROOT/.test-data"
mkdir -p "$OUT"

source scripts/pg-temp.sh || { echo "0 passed, 1 failed"; exit 1; }
trap 'pg_temp_stop' EXIT INT TERM
echo "PostgreSQL for tests: $PG_TEMP_URL"
# The backup test's pg_dump and pg_restore: from the same installation when it has them (a
# keg-only Homebrew postgresql@15 is not on PATH), else from PATH (db/backup.ts).
export PG_BIN="$PG_TEMP_BIN"

status=0
step() { echo; echo "== $*"; }

step "type-check, lint and import rules"
checks_passed=0; checks_failed=0
if npx tsc --noEmit; then checks_passed=$((checks_passed+1)); else checks_failed=$((checks_failed+1)); status=1; fi
if npx eslint . --max-warnings=0; then checks_passed=$((checks_passed+1)); else checks_failed=$((checks_failed+1)); status=1; fi
# Import rules (.dependency-cruiser.cjs): no cycles, app/ imported by no component or lib file,
# nothing in db/ importing lib/.
if npm run --silent check:deps; then checks_passed=$((checks_passed+1)); else checks_failed=$((checks_failed+1)); status=1; fi
echo "{\"passed\": $checks_passed, \"failed\": $checks_failed}" > "$OUT/checks.json"

step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile="$OUT/unit.json" || status=1

# The two integration runs side by side: each runs its files one at a time (one core each), and
# they share nothing (their own data folder or database). Their output is shown one after the other.
step "integration tests on the embedded database (PGlite) and on PostgreSQL, side by side"
RAPPORT_DATA_DIR="$ROOT/.test-data/pglite-integration" DATABASE_URL= \
  npx vitest run --project integration --reporter=default --reporter=json --outputFile="$OUT/integration-pglite.json" > "$OUT/integration-pglite.log" 2>&1 &
pglite_pid=$!
DATABASE_URL="$PG_TEMP_URL" \
  npx vitest run --project integration --reporter=default --reporter=json --outputFile="$OUT/integration-postgres.json" > "$OUT/integration-postgres.log" 2>&1 &
postgres_pid=$!
wait "$pglite_pid" || status=1
wait "$postgres_pid" || status=1

step "integration tests on the embedded database (PGlite)"
cat "$OUT/integration-pglite.log"

step "integration tests on PostgreSQL"
cat "$OUT/integration-postgres.log"

step "production build"
if ! npx next build > "$OUT/build.log" 2>&1; then
  cat "$OUT/build.log"; status=1
  echo "0 passed, 1 failed"; exit 1
fi
tail -n 40 "$OUT/build.log"

step "end-to-end tests (Chromium)"
# Without a browser the step fails with one line saying what to install (no e2e.json: the
# summary counts it as a failure).
if chromium="$(node scripts/find-chromium.cjs)"; then
  echo "Chromium: $chromium"
  DATABASE_URL="$PG_TEMP_URL" npx tsx scripts/seed/index.ts >/dev/null || status=1
  DATABASE_URL="$PG_TEMP_URL" E2E_DATABASE_URL="$PG_TEMP_URL" E2E_EMBEDDED_DATA_DIR="$ROOT/.test-data/e2e-embedded" \
    PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/e2e.json" npx playwright test || status=1
else
  status=1
fi

step "summary"
node scripts/test-summary.mjs "$OUT" || status=1
exit $status
