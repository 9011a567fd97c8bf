import { sql } from "drizzle-orm";
import { closeDb, getDb, usingEmbedded } from "@/db/client";
import { organisations } from "@/db/schema";
import { describeSync, prepareDatabase } from "@/lib/server/prepare";
import { demoSignInsText, seedDemo } from "@/scripts/seed/demo";
import { seedDemoHours } from "@/scripts/seed/hours";
import { seedDemoCalibration } from "@/scripts/seed/calibration";
import { seedDemoPractice } from "@/scripts/seed/practice";

// `npm start`'s database step, in a process of its own that exits when done: migrations, the
// curriculum sync and, on the embedded database's first run, the demo data. Run apart from the
// server's primary process so the memory it takes (the embedded database alone is a few hundred
// MB) is returned before the server starts (docs/SCALE.md "Memory"). Tells its parent the demo
// sign-ins to print once the server is up.

async function main() {
  console.log(describeSync(await prepareDatabase()));
  const db = await getDb();
  if (usingEmbedded()) {
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(organisations);
    if (n === 0) {
      await seedDemo(db);
      await seedDemoHours(db);
      await seedDemoCalibration(db);
      await seedDemoPractice(db);
      console.log("First run: demo data created.");
    }
    process.send?.({ signIns: demoSignInsText() });
  }
  await closeDb(); // releases the embedded database for the server process
}

main()
  .then(() => process.disconnect?.())
  .catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
    process.disconnect?.();
  });
