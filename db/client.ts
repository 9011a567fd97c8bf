import fs from "node:fs";
import path from "node:path";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";
import { noteQuery } from "./query-count";

const logger = { logQuery: (query: string) => noteQuery(query) };

// The only place a database client is built. PGlite (embedded PostgreSQL) when DATABASE_URL
// is unset; a real PostgreSQL server through postgres.js when it is set.

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Handle = { db: Db; driver: "pglite" | "postgres"; close: () => Promise<void> };

const g = globalThis as unknown as { __rapportDb?: Promise<Handle> };

export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.RAPPORT_DATA_DIR || ".data");
}

export function usingEmbedded(): boolean {
  return !process.env.DATABASE_URL;
}

export class DatabaseLockedError extends Error {}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

// PGlite has no file locking of its own: two processes on one directory silently lose writes.
function acquireLock(dir: string): () => void {
  const lockPath = path.join(dir, "pglite.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, "wx");
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = Number.parseInt(fs.readFileSync(lockPath, "utf8").trim(), 10);
      if (Number.isFinite(owner) && owner !== process.pid && pidAlive(owner)) {
        throw new DatabaseLockedError(
          `The embedded database in ${dir} is already open in another Rapport process (pid ${owner}). ` +
            `Stop that process first, or set RAPPORT_DATA_DIR to a different folder.`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale lock from a process that died
    }
  }
  throw new DatabaseLockedError(`Could not lock the embedded database in ${dir}.`);
}

async function openPglite(): Promise<Handle> {
  const dir = dataDir();
  fs.mkdirSync(dir, { recursive: true });
  const release = acquireLock(dir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = new PGlite(path.join(dir, "pglite"));
    await client.waitReady;
    const db = drizzle(client, { schema, logger }) as unknown as Db;
    return {
      db,
      driver: "pglite",
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

function openPostgres(url: string): Handle {
  const sql = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE || 10),
    onnotice: () => {},
    connection: { application_name: "rapport" },
  });
  return { db: drizzlePostgres(sql, { schema, logger }), driver: "postgres", close: () => sql.end({ timeout: 5 }) };
}

function open(): Promise<Handle> {
  const url = process.env.DATABASE_URL;
  return url ? Promise.resolve(openPostgres(url)) : openPglite();
}

export async function getHandle(): Promise<Handle> {
  if (!g.__rapportDb) {
    g.__rapportDb = open();
    g.__rapportDb.catch(() => {
      g.__rapportDb = undefined;
    });
  }
  return g.__rapportDb;
}

export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}

export async function closeDb(): Promise<void> {
  const h = g.__rapportDb;
  g.__rapportDb = undefined;
  if (h) await (await h).close();
}
