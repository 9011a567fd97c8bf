import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, onCleanup, run } from "./procs";

// A throwaway PostgreSQL 15 cluster for the benchmark (same recipe as scripts/pg-temp.sh), run as
// the postgres user when we are root. Stopped and deleted at cleanup.

const PG_BIN = process.env.PG_BIN || "/usr/lib/postgresql/15/bin";

export type Pg = { url: string; port: number; dir: string; logFile: string; settings: string[] };

function asPg(cmd: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
}

export async function startPostgres(opts: { preload?: string[] } = {}): Promise<Pg> {
  if (!fs.existsSync(path.join(PG_BIN, "initdb"))) throw new Error(`PostgreSQL server binaries not found in ${PG_BIN} (set PG_BIN).`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-bench-pg."));
  const port = await freePort();
  fs.mkdirSync(path.join(dir, "sock"));
  if (process.getuid?.() === 0) await run("chown", ["-R", "postgres:postgres", dir], { quiet: true });
  onCleanup("postgres data folder", () => fs.rmSync(dir, { recursive: true, force: true }));
  await run(...asPg(path.join(PG_BIN, "initdb"), ["-D", path.join(dir, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]), { quiet: true });
  // Throwaway durability settings (no fsync): writes cost less than on a durable server; the
  // pages measured here are reads, plus one small write each on the lesson and case review pages.
  const settings = [
    "listen_addresses=127.0.0.1",
    "max_connections=200",
    "shared_buffers=512MB",
    "effective_cache_size=4GB",
    "work_mem=16MB",
    "fsync=off",
    "synchronous_commit=off",
    "full_page_writes=off",
    ...(opts.preload?.length ? [`shared_preload_libraries=${opts.preload.join(",")}`, "pg_stat_statements.track_utility=off"] : []),
  ];
  const logFile = path.join(dir, "server.log");
  const serverArgs = ["-p", String(port), "-k", path.join(dir, "sock"), ...settings.flatMap((s) => ["-c", s])].join(" ");
  await run(...asPg(path.join(PG_BIN, "pg_ctl"), ["-D", path.join(dir, "data"), "-l", logFile, "-w", "-t", "60", "-o", serverArgs, "start"]), { quiet: true });
  onCleanup("postgres", async () => {
    await run(...asPg(path.join(PG_BIN, "pg_ctl"), ["-D", path.join(dir, "data"), "-m", "fast", "-w", "stop"]), { quiet: true }).catch(() => {});
  });
  await run(...asPg(path.join(PG_BIN, "createdb"), ["-h", path.join(dir, "sock"), "-p", String(port), "-U", "postgres", "rapport"]), { quiet: true });
  return { url: `postgres://postgres@127.0.0.1:${port}/rapport`, port, dir, logFile, settings };
}
