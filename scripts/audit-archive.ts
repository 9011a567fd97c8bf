// `npm run audit:archive [-- --dry-run] [-- --dir <folder>]`: exports each month of the audit log
// that is past retention (the longest retention of the organisations with events in it; see
// lib/audit/archive.ts) to <folder>/audit_events_yYYYYmMM.csv.gz with a .sha256 beside it, reads
// the export back and checks it, and only then drops the month's partition. The folder: --dir,
// else AUDIT_ARCHIVE_DIR, else .data/audit-archive/. Exits 1, having dropped nothing more, as soon
// as an export cannot be written or verified. --dry-run lists what would happen and changes nothing.
// With the embedded database, stop the app first (one process at a time may open it).
import { createRequire } from "node:module";
import path from "node:path";

// lib/ files carry `import "server-only"`, which refuses to load outside Next's server bundle;
// this script is server-side too, so load an empty module in its place.
const require = createRequire(__filename);
const stub = require.resolve("server-only");
require.cache[stub] = { id: stub, filename: stub, loaded: true, exports: {} } as NodeJS.Module;

function args(argv: string[]): { dryRun: boolean; dir: string } {
  let dryRun = false;
  let dir = process.env.AUDIT_ARCHIVE_DIR || path.join(".data", "audit-archive");
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--dry-run") dryRun = true;
    else if (a === "--dir" && argv[i + 1]) dir = argv[++i];
    else if (a.startsWith("--dir=")) dir = a.slice("--dir=".length);
    else throw new Error(`Unknown argument ${a}. Use --dry-run and --dir <folder>.`);
  }
  return { dryRun, dir: path.resolve(dir) };
}

async function main() {
  const { dryRun, dir } = args(process.argv.slice(2));
  const { getDb, closeDb } = require("../db/client") as typeof import("../db/client");
  const { applyMigrations } = require("../db/migrator") as typeof import("../db/migrator");
  const { planArchive, archivePartition, ArchiveRefusedError } = require("../lib/audit/archive") as typeof import("../lib/audit/archive");
  try {
    await applyMigrations();
    const db = await getDb();
    const plan = await planArchive(db);
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const due = plan.filter((p) => p.due);
    for (const p of plan) {
      const orgs = `${p.organisations} organisation${p.organisations === 1 ? "" : "s"}${p.unowned ? ` (and ${p.unowned} events without one)` : ""}`;
      const who = `${p.rows} events of ${orgs}, longest retention ${p.retentionYears} year${p.retentionYears === 1 ? "" : "s"}`;
      console.log(`${p.name}: ${who}; ${p.due ? (dryRun ? "would be archived" : "due") : `kept until ${day(p.dueAt)}`}.`);
    }
    if (due.length === 0) {
      console.log("Nothing is past retention.");
      return;
    }
    if (dryRun) {
      console.log(`Dry run: ${due.length} month(s) would be exported to ${dir} and dropped; nothing changed.`);
      return;
    }
    for (const p of due) {
      try {
        const r = await archivePartition(db, p.name, dir);
        console.log(`${r.name}: ${r.rows} events exported to ${r.file} (${r.bytes} bytes, sha256 ${r.sha256}), verified, partition dropped.`);
      } catch (e) {
        if (e instanceof ArchiveRefusedError) {
          console.error(`Refused: ${e.message}. Nothing was dropped for ${p.name}; stopping.`);
          process.exitCode = 1;
          return;
        }
        throw e;
      }
    }
  } finally {
    await closeDb();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
