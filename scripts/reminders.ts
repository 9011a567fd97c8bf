// `npm run reminders`: today's reminders (overdue and soon-due required modules: in-app, and by
// email unless the person chose otherwise), then the daily notification digests that are due.
// Safe to run as often as you like: nothing is sent twice for the same item on the same day, and
// a person's digest goes out once a day (see lib/notifications/digest.ts).
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
  const { runDigest } = require("../lib/notifications/digest") as typeof import("../lib/notifications/digest");
  const { runHoursReminders } = require("../lib/hours/reminders") as typeof import("../lib/hours/reminders");
  try {
    await applyMigrations();
    const r = await runReminders();
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
    console.log(`Reminders for ${r.day}: ${plural(r.notified, "reminder")} (${plural(r.queued, "email")}) across ${plural(r.organisations, "organisation")}.`);
    const h = await runHoursReminders();
    console.log(`Practicum hours (week of ${h.week}): ${plural(h.traineesReminded, "trainee")} reminded to log hours, ${plural(h.supervisorsReminded, "supervisor")} reminded of waiting entries.`);
    const d = await runDigest();
    console.log(`Daily digests: ${plural(d.emails, "email")} for ${plural(d.notifications, "notification")}.`);
  } finally {
    await closeDb();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
