import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { closeDb, getHandle, loadPgliteDump, usingEmbedded } from "./client";

// Backups for both drivers. PostgreSQL: pg_dump's custom format, restored with pg_restore
// (--clean, so a restore replaces what is there). Embedded: a gzipped tarball of PGlite's data
// directory, restored into a fresh directory (the old one is kept aside until the load succeeds).

const PG_BIN = process.env.PG_BIN || "/usr/lib/postgresql/15/bin";

function pgTool(name: "pg_dump" | "pg_restore"): string {
  const local = path.join(PG_BIN, name);
  return fs.existsSync(local) ? local : name;
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { encoding: "utf8", env: { ...process.env, PGCONNECT_TIMEOUT: "10" } });
  if (r.error) throw new Error(`${path.basename(cmd)} could not start: ${r.error.message}. Set PG_BIN to the folder holding PostgreSQL's client tools.`);
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} failed: ${r.stderr.trim().split("\n").slice(-3).join(" ")}`);
}

export async function backupTo(file: string): Promise<{ driver: string; bytes: number }> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  if (usingEmbedded()) {
    const handle = await getHandle();
    const blob = await handle.dumpDataDir!();
    fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()), { mode: 0o600 });
    return { driver: "pglite", bytes: fs.statSync(file).size };
  }
  run(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", `--file=${file}`, process.env.DATABASE_URL!]);
  fs.chmodSync(file, 0o600);
  return { driver: "postgres", bytes: fs.statSync(file).size };
}

export async function restoreFrom(file: string): Promise<{ driver: string }> {
  if (!fs.existsSync(file)) throw new Error(`No backup at ${file}.`);
  if (usingEmbedded()) {
    await closeDb();
    const bytes = fs.readFileSync(file);
    await loadPgliteDump(new Blob([bytes]));
    return { driver: "pglite" };
  }
  run(pgTool("pg_restore"), ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", `--dbname=${process.env.DATABASE_URL!}`, file]);
  return { driver: "postgres" };
}
