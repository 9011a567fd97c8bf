// `npm run hours:recount [-- --check]`: compares the running monthly hours totals
// (hour_monthly_totals, kept by triggers on hour_entries) with a recount from the entries, then
// recounts them. Needed only after something wrote entries with triggers off (a restore with
// --disable-triggers, session_replication_role = replica). --check changes nothing and exits 1
// if any organisation's totals differ. With the embedded database, stop the app first.
import { createRequire } from "node:module";

// lib/ files carry `import "server-only"`, which refuses to load outside Next's server bundle;
// this script is server-side too, so load an empty module in its place.
const require = createRequire(__filename);
const stub = require.resolve("server-only");
require.cache[stub] = { id: stub, filename: stub, loaded: true, exports: {} } as NodeJS.Module;

async function main() {
  const argv = process.argv.slice(2);
  const unknown = argv.find((a) => a !== "--check");
  if (unknown) throw new Error(`Unknown argument ${unknown}. Use --check to compare without changing anything.`);
  const checkOnly = argv.includes("--check");
  const { getDb, closeDb } = require("../db/client") as typeof import("../db/client");
  const { applyMigrations } = require("../db/migrator") as typeof import("../db/migrator");
  const { checkHourTotals, recountHourTotals } = require("../lib/hours/monthly-totals") as typeof import("../lib/hours/monthly-totals");
  try {
    await applyMigrations();
    const db = await getDb();
    const result = checkOnly ? await checkHourTotals(db) : await recountHourTotals(db);
    const wrong = result.filter((r) => r.rowsWrong > 0);
    for (const r of wrong) console.log(`${r.organisationId}: ${r.rowsWrong} row(s) of totals differ from the entries${checkOnly ? "" : "; recounted"}.`);
    console.log(`${result.length} organisation(s) with hours; ${wrong.length} with totals that differed${checkOnly ? "" : " (all recounted)"}.`);
    if (checkOnly && wrong.length) process.exitCode = 1;
  } finally {
    await closeDb();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
