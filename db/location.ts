import fs from "node:fs";
import path from "node:path";

// Where the embedded database lives, and whether it is in use: no dependencies, so `npm start`'s
// primary process can answer without loading the database client (db/client.ts re-exports these).

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.RAPPORT_DATA_DIR || ".data");
}

export function usingEmbedded(): boolean {
  return !process.env.DATABASE_URL;
}

/** The embedded database's own folder inside the data directory. */
export function pgliteDir(): string {
  return path.join(dataDir(), "pglite");
}

/** The embedded database's lock file: the pid of the process that has it open (db/client.ts). */
export function lockPath(dir: string = dataDir()): string {
  return path.join(dir, "pglite.lock");
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live process other than this one that holds the embedded database's lock in `dir`, if any. */
export function lockHolder(dir: string = dataDir()): number | null {
  let owner: number;
  try {
    owner = Number.parseInt(fs.readFileSync(lockPath(dir), "utf8").trim(), 10);
  } catch {
    return null;
  }
  return Number.isFinite(owner) && owner !== process.pid && pidAlive(owner) ? owner : null;
}

/**
 * Waits up to `timeoutMs` for whoever holds the embedded database to let go: `npm start` right
 * after Ctrl-C finds the previous server's worker still closing the database for a moment.
 * Resolves true once nobody holds it, false if someone still does.
 */
export async function waitForLockRelease(dir: string = dataDir(), timeoutMs = 20_000, onWait?: (pid: number) => void): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  let holder = lockHolder(dir);
  if (holder !== null) onWait?.(holder);
  while (holder !== null) {
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, 100));
    holder = lockHolder(dir);
  }
  return true;
}
