import path from "node:path";
import { closeDb, usingEmbedded } from "@/db/client";
import { backupTo } from "@/db/backup";

// npm run backup [-- file]: stop the app first when using the embedded database.
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const file = path.resolve(process.argv[2] || `backups/rapport-${stamp}.${usingEmbedded() ? "pglite.tar.gz" : "pgdump"}`);
backupTo(file)
  .then((r) => console.log(`Backup written: ${file} (${r.driver}, ${r.bytes} bytes)`))
  .catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
