#!/usr/bin/env bash
# The whole test run: unit, integration on PGlite and on a throwaway PostgreSQL 15, a production
# build, then Playwright in Debian's chromium against it (PostgreSQL suite + embedded smoke suite).
# Ends with one line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
OUT="$ROOT/.test-data/results"
rm -rf "$ROOT/.test-data"
mkdir -p "$OUT"

source scripts/pg-temp.sh || { echo "0 passed, 1 failed"; exit 1; }
trap 'pg_temp_stop' EXIT INT TERM
echo "PostgreSQL 15 for tests: $PG_TEMP_URL"

status=0
step() { echo; echo "== $*"; }

step "type-check and lint"
checks_passed=0; checks_failed=0
if npx tsc --noEmit; then checks_passed=$((checks_passed+1)); else checks_failed=$((checks_failed+1)); status=1; fi
if npx eslint . --max-warnings=50; then checks_passed=$((checks_passed+1)); else checks_failed=$((checks_failed+1)); status=1; fi
echo "{\"passed\": $checks_passed, \"failed\": $checks_failed}" > "$OUT/checks.json"

step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile="$OUT/unit.json" || status=1

step "integration tests on the embedded database (PGlite)"
RAPPORT_DATA_DIR="$ROOT/.test-data/pglite-integration" DATABASE_URL= \
  npx vitest run --project integration --reporter=default --reporter=json --outputFile="$OUT/integration-pglite.json" || status=1

step "integration tests on PostgreSQL 15"
DATABASE_URL="$PG_TEMP_URL" \
  npx vitest run --project integration --reporter=default --reporter=json --outputFile="$OUT/integration-postgres.json" || status=1

step "production build"
if ! npx next build > "$OUT/build.log" 2>&1; then
  cat "$OUT/build.log"; status=1
  echo "0 passed, 1 failed"; exit 1
fi
tail -n 40 "$OUT/build.log"

step "end-to-end tests (Chromium)"
DATABASE_URL="$PG_TEMP_URL" npx tsx scripts/seed/index.ts >/dev/null || status=1
DATABASE_URL="$PG_TEMP_URL" E2E_DATABASE_URL="$PG_TEMP_URL" E2E_EMBEDDED_DATA_DIR="$ROOT/.test-data/e2e-embedded" \
  PLAYWRIGHT_JSON_OUTPUT_NAME="$OUT/e2e.json" npx playwright test || status=1

step "summary"
node scripts/test-summary.mjs "$OUT" || status=1
exit $status
