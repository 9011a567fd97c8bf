import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// `npm start` on the embedded database, restarted with nothing changed: the database was migrated,
// its curriculum synchronised and this month's audit partitions made by these very sources, so the
// preparing process (which opens the database once more, a few seconds) is skipped. The stamp lives
// inside the database's own folder, so a backup carries the stamp of the code that prepared it
// (restoring an older one prepares again) and deleting the database deletes the stamp.

const FILE = "rapport-prepared.json";

export type Prepared = { key: string; signIns: string | null };

/** What the database's state follows from: the app's sources (migrations, curriculum, code) and the UTC month (audit partitions). */
export function preparedKey(sourceHash: string, now: Date = new Date()): string {
  return createHash("sha256").update(`${sourceHash}\n${now.toISOString().slice(0, 7)}`).digest("hex");
}

export function readPrepared(databaseDir: string): Prepared | null {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(databaseDir, FILE), "utf8")) as Partial<Prepared>;
    return typeof v.key === "string" ? { key: v.key, signIns: typeof v.signIns === "string" ? v.signIns : null } : null;
  } catch {
    return null;
  }
}

/** Written only after the preparing process exited cleanly; never when the folder is missing. */
export function writePrepared(databaseDir: string, p: Prepared): void {
  if (!fs.existsSync(databaseDir)) return;
  const tmp = path.join(databaseDir, `${FILE}.${process.pid}`);
  fs.writeFileSync(tmp, JSON.stringify(p), { mode: 0o600 });
  fs.renameSync(tmp, path.join(databaseDir, FILE));
}

export function forgetPrepared(databaseDir: string): void {
  fs.rmSync(path.join(databaseDir, FILE), { force: true });
}

/** Is the database in `databaseDir` prepared by these sources this month? */
export function isPrepared(databaseDir: string, key: string): Prepared | null {
  const p = readPrepared(databaseDir);
  return p && p.key === key ? p : null;
}
