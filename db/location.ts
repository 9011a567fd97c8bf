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
