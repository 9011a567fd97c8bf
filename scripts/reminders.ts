// `npm run reminders`: queues today's reminder emails (overdue and soon-due required modules).
// Safe to run as often as you like: nothing is sent twice for the same item on the same day.
import { createRequire } from "node:module";

// lib/ files carry `import "server-only"`, which refuses to load outside Next's server bundle;
// this script is server-side too, so load an empty module in its place.
const require = createRequire(__filename);
const stub = require.resolve("server-only");
require.cache[stub] = { id: stub, filename: stub, loaded: true, exports: {} } as NodeJS.Module;

async function main() {
  const { applyMigrations } = require("../db/migrator") as typeof import("../db/migrator");
  const { closeDb } = require("../db/client") as typeof import("../db/client");
  const { runReminders } = require("../lib/onboarding/reminders") as typeof import("../lib/onboarding/reminders");
  try {
    await applyMigrations();
    const r = await runReminders();
    console.log(`Reminders for ${r.day}: ${r.queued} email${r.queued === 1 ? "" : "s"} queued across ${r.organisations} organisation${r.organisations === 1 ? "" : "s"}.`);
  } finally {
    await closeDb();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
