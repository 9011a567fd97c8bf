import { closeDb } from "./client";
import { applyMigrations } from "./migrator";

// `npm run db:migrate`: applies the committed migrations to the embedded database or DATABASE_URL.
applyMigrations()
  .then(() => console.log("Migrations applied."))
  .catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
