/**
 * The embedded default's memory under load, in this checkout: `npm start` with no DATABASE_URL, a
 * fresh data folder and the existing build in NEXT_DIST_DIR (default .next-bench; no rebuild),
 * once per variant (VAR=value pairs for the server's environment, or "baseline"). Prints the
 * whole process tree's resident memory after each route. For docs/SCALE.md "Memory".
 *   npx tsx scripts/bench/embedded.ts baseline "RAPPORT_WORKER_SEMI_SPACE_MB=0"
 * Env: MEM_REQUESTS (requests per route, default 1,500), MEM_CONNECTIONS (default 20).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { embeddedHere } from "./lib/embedded";
import { cleanupAll } from "./lib/procs";

const ROOT = path.resolve(__dirname, "..", "..");

async function main() {
  const logs = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-embedded-logs."));
  const amount = Number(process.env.MEM_REQUESTS || 1_500);
  const connections = Number(process.env.MEM_CONNECTIONS || 20);
  const summary: string[] = [];
  console.log(`Logs: ${logs}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")}`);
  for (const spec of process.argv.slice(2).length ? process.argv.slice(2) : ["baseline"]) {
    const env: Record<string, string> = {};
    if (spec !== "baseline") for (const part of spec.split(/\s+(?=[A-Z_]+=)/)) env[part.slice(0, part.indexOf("="))] = part.slice(part.indexOf("=") + 1);
    console.log(`\n== ${spec}`);
    const r = await embeddedHere({ root: ROOT, logs, load: { connections, duration: 0, warmup: 1, amount }, env });
    summary.push(`${spec}: healthy after ${r.startSeconds.toFixed(1)} s; tree ${r.idleTreeMb.toFixed(0)} MB idle, at most ${r.maxTreeMb.toFixed(0)} MB after a route; p95 ms: ${r.rows.map((x) => `${x.name.replace("Embedded: ", "")} ${x.p95.toFixed(0)}`).join(", ")}`);
  }
  console.log(`\n${summary.join("\n")}\nload average at the end ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")}`);
}

main()
  .catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  })
  .finally(() => cleanupAll());
