import { closeDb, getDb } from "@/db/client";
import { prepareDatabase } from "@/lib/server/prepare";
import { demoSignInsText, seedDemo } from "./demo";
import { seedDemoHours } from "./hours";
import { seedDemoCalibration } from "./calibration";
import { seedDemoPractice } from "./practice";

// `npm run db:seed`: adds the demo organisations on purpose (also against DATABASE_URL).
async function main() {
  await prepareDatabase();
  const db = await getDb();
  const created = await seedDemo(db);
  console.log(created ? "Demo data created." : "Demo data was already there.");
  if (await seedDemoHours(db)) console.log("Demo practicum hours created.");
  if (await seedDemoCalibration(db)) console.log("Demo calibration rounds created.");
  if (await seedDemoPractice(db)) console.log("Demo practice studio responses created.");
  console.log(demoSignInsText());
}

main()
  .catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
