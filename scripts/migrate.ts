import { closeDb } from "@/db/client";
import { describeSync, prepareDatabase } from "@/lib/server/prepare";

// `npm run db:migrate`: applies the committed migrations and syncs the curriculum, on the
// embedded database or on DATABASE_URL.
prepareDatabase()
  .then((r) => console.log(`Migrations applied. ${describeSync(r)}`))
  .catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
