import path from "node:path";
import { closeDb } from "@/db/client";
import { restoreFrom } from "@/db/backup";

// npm run restore -- file: replaces the current database with the backup. Stop the app first.
const file = process.argv[2];
if (!file) {
  console.error("Name the backup to restore: npm run restore -- backups/<file>");
  process.exit(2);
}
restoreFrom(path.resolve(file))
  .then((r) => console.log(`Restored ${file} (${r.driver}).`))
  .catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
