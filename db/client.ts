import fs from "node:fs";
import path from "node:path";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";
import { dataDir, lockHolder, lockPath as lockFileIn, pgliteDir, usingEmbedded } from "./location";
import { noteQuery } from "./query-count";

const logger = { logQuery: (query: string) => noteQuery(query) };

// The only place a database client is built. PGlite (embedded PostgreSQL) when DATABASE_URL
// is unset; a real PostgreSQL server through postgres.js when it is set.

export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

type Handle = {
  db: Db;
  driver: "pglite" | "postgres";
  close: () => Promise<void>;
  /** Embedded only: a gzipped tarball of the whole data directory (for backups). */
  dumpDataDir?: () => Promise<Blob>;
};

const g = globalThis as unknown as { __rapportDb?: Promise<Handle> };

export { dataDir, pgliteDir, usingEmbedded };

export class DatabaseLockedError extends Error {}

// PGlite has no file locking of its own: two processes on one directory silently lose writes.
function acquireLock(dir: string): () => void {
  const lockPath = lockFileIn(dir);
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
      const owner = lockHolder(dir);
      if (owner !== null) {
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

/** Replaces the embedded database with a data-directory tarball. The caller must hold no open client. */
export async function loadPgliteDump(tarball: Blob): Promise<void> {
  const dir = dataDir();
  fs.mkdirSync(dir, { recursive: true });
  const release = acquireLock(dir);
  try {
    const target = pgliteDir();
    const aside = `${target}.replaced-${Date.now()}`;
    if (fs.existsSync(target)) fs.renameSync(target, aside);
    const { PGlite } = await import("@electric-sql/pglite");
    const client = new PGlite(target, { loadDataDir: tarball });
    await client.waitReady;
    await client.query("select 1");
    await client.close();
    fs.rmSync(aside, { recursive: true, force: true });
  } finally {
    release();
  }
}

/**
 * PGlite runs PostgreSQL inside the server process, so its buffer cache is that process's memory:
 * PostgreSQL initialises all of shared_buffers when it starts. With the default 128 MB, opening
 * the embedded database took a process from 45 to 278 MB resident; with 32 MB, to 187 MB (docs/SCALE.md
 * "Memory"). The embedded database is for one person or a small team, whose data fits many
 * times over; reads beyond it come from the operating system's file cache.
 * RAPPORT_PGLITE_SHARED_BUFFERS (e.g. 64MB) overrides.
 */
export const PGLITE_SHARED_BUFFERS = "32MB";

export function pgliteSharedBuffers(env: Record<string, string | undefined> = process.env): string {
  const v = env.RAPPORT_PGLITE_SHARED_BUFFERS?.trim();
  return v && /^\d+(kB|MB|GB)$/.test(v) ? v : PGLITE_SHARED_BUFFERS;
}

async function openPglite(): Promise<Handle> {
  const dir = dataDir();
  fs.mkdirSync(dir, { recursive: true });
  const release = acquireLock(dir);
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const client = new PGlite(pgliteDir(), { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${pgliteSharedBuffers()}`] });
    await client.waitReady;
    const db = drizzle(client, { schema, logger }) as unknown as Db;
    return {
      db,
      driver: "pglite",
      dumpDataDir: () => client.dumpDataDir("gzip"),
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

/**
 * postgres.js 3.4.9 can throw from a setImmediate callback when a connection dies in the middle of
 * a transaction (porsager/postgres#1154, #1208; fixes not yet released): an uncatchable TypeError
 * that would take the whole server down. The query itself has already been rejected with
 * CONNECTION_CLOSED and the pool replaces the connection, so that one signature is logged and
 * survived; every other uncaught exception is left to the process's other handlers, or ends it.
 */
function installPostgresJsCrashGuard(): void {
  const flag = globalThis as unknown as { __rapportPgGuard?: boolean };
  if (flag.__rapportPgGuard) return;
  flag.__rapportPgGuard = true;
  process.on("uncaughtException", (err) => {
    const stack = err instanceof Error ? (err.stack ?? "") : "";
    if (err instanceof TypeError && /reading 'write'/.test(err.message) && /postgres[\\/]src[\\/]connection\.js/.test(stack)) {
      console.warn("[rapport] a database connection closed mid-write; the affected query was rolled back and the pool reconnects.");
      return;
    }
    // Others (Next.js, the test runner) may handle it; alone, behave as Node does by default.
    if (process.listenerCount("uncaughtException") > 1) return;
    console.error(err);
    process.exit(1);
  });
}

type Sql = postgres.Sql;

/**
 * drizzle sends every query through `sql.unsafe(text, params, { prepare: false })` unless the
 * query was given a name. postgres.js then has to describe each parameterised statement before
 * it can bind it: two round trips per query, and the connection takes no pipelined query
 * meanwhile. With prepare on, each connection prepares a statement once and afterwards sends
 * bind and execute in one write. DATABASE_PREPARE=off turns this off (needed behind PgBouncer
 * in transaction mode, which cannot keep named statements).
 */
export function preparedStatements(sql: Sql): Sql {
  return new Proxy(sql, {
    get(target, prop, receiver) {
      if (prop === "unsafe") {
        return (text: string, args?: unknown[], options?: Record<string, unknown>) =>
          (target.unsafe as (t: string, a?: unknown[], o?: Record<string, unknown>) => unknown)(text, args, { ...options, prepare: true });
      }
      if (prop === "begin" || prop === "savepoint") {
        // Transactions and savepoints hand their callback a client of their own: wrap that too.
        return (...a: unknown[]) => {
          const last = a.length - 1;
          const fn = a[last] as (tx: Sql) => unknown;
          a[last] = (tx: Sql) => fn(preparedStatements(tx));
          return (Reflect.get(target, prop, receiver) as (...x: unknown[]) => unknown).apply(target, a);
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

/**
 * Connections per process. Few on purpose: postgres.js hands a query to an idle connection when
 * it has one, so a big pool spreads a page's queries over many connections, one socket write and
 * one PostgreSQL wake-up each; with a small pool, queries issued together queue on busy
 * connections and go out in one write. Measured on the trainee home under load (CPU profile of
 * one worker): socket writes were 9% of the process with 10 connections, 2% with 4, 1% with 2.
 * No code path needs two connections at once (the embedded database has one), so 1 works too.
 */
export const DEFAULT_POOL_SIZE = 4;

function openPostgres(url: string, extra: { applicationName?: string; connectTimeout?: number } = {}): Handle {
  installPostgresJsCrashGuard();
  const sql = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE || DEFAULT_POOL_SIZE),
    onnotice: () => {},
    ...(extra.connectTimeout ? { connect_timeout: extra.connectTimeout } : {}),
    // Prepared statements save round trips, not planning: keep planning each execution with its
    // own parameters (a generic plan for an IN list of member ids can be far worse).
    connection: { application_name: extra.applicationName ?? "rapport", plan_cache_mode: "force_custom_plan" },
  });
  const client = process.env.DATABASE_PREPARE === "off" ? sql : preparedStatements(sql);
  return { db: drizzlePostgres(client, { schema, logger }), driver: "postgres", close: () => sql.end({ timeout: 5 }) };
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

/**
 * A PostgreSQL streaming replica for heavy reads (DATABASE_REPLICA_URL): reports, exports, the
 * audit viewer. Only lib/core/replica.ts uses it, and it falls back to the primary when the replica
 * fails. Same pool options as the primary, but a 5 s connect timeout instead of postgres.js's 30 s:
 * an unreachable replica should cost a report a few seconds once, not half a minute.
 */
export const REPLICA_CONNECT_TIMEOUT_S = 5;

export function replicaConfigured(): boolean {
  return Boolean(process.env.DATABASE_REPLICA_URL && process.env.DATABASE_URL);
}

const gr = globalThis as unknown as { __rapportReplica?: Handle };

/** The replica's client, or null: no DATABASE_REPLICA_URL, or the embedded database (no replicas). */
export function getReplicaDb(): Db | null {
  if (!replicaConfigured()) return null;
  gr.__rapportReplica ??= openPostgres(process.env.DATABASE_REPLICA_URL!, { applicationName: "rapport-replica", connectTimeout: REPLICA_CONNECT_TIMEOUT_S });
  return gr.__rapportReplica.db;
}

export async function closeDb(): Promise<void> {
  const h = g.__rapportDb;
  g.__rapportDb = undefined;
  const r = gr.__rapportReplica;
  gr.__rapportReplica = undefined;
  if (r) await r.close();
  if (h) await (await h).close();
}
