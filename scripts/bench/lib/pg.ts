import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findPostgres } from "../../find-postgres.mjs";
import { freePort, onCleanup, run } from "./procs";

// A throwaway PostgreSQL cluster for the benchmark (same recipe and binaries as scripts/pg-temp.sh),
// run as the postgres user (or nobody) when we are root. Stopped and deleted at cleanup.

const PG_USER = process.getuid?.() === 0 ? (spawnSync("id", ["postgres"]).status === 0 ? "postgres" : "nobody") : null;

export type Pg = { url: string; port: number; dir: string; logFile: string; settings: string[] };

function asPg(cmd: string, args: string[]): [string, string[]] {
  return PG_USER ? ["runuser", ["-u", PG_USER, "--", cmd, ...args]] : [cmd, args];
}

export async function startPostgres(opts: { preload?: string[] } = {}): Promise<Pg> {
  const found = findPostgres();
  console.log(`PostgreSQL ${found.version} from ${found.source}: ${found.bin}`);
  const PG_BIN = found.bin;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-bench-pg."));
  const port = await freePort();
  fs.mkdirSync(path.join(dir, "sock"));
  if (PG_USER) await run("chown", ["-R", PG_USER, dir], { quiet: true });
  onCleanup("postgres data folder", () => fs.rmSync(dir, { recursive: true, force: true }));
  await run(...asPg(path.join(PG_BIN, "initdb"), ["-D", path.join(dir, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]), { quiet: true });
  // Made in single-user mode before the server starts: the npm package has no createdb.
  const [cmd, args] = asPg(path.join(PG_BIN, "postgres"), ["--single", "-D", path.join(dir, "data"), "postgres"]);
  const created = spawnSync(cmd, args, { input: "CREATE DATABASE rapport;\n", encoding: "utf8" });
  if (created.status !== 0) throw new Error(`CREATE DATABASE failed: ${created.stderr || created.stdout}`);
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
  return { url: `postgres://postgres@127.0.0.1:${port}/rapport`, port, dir, logFile, settings };
}
