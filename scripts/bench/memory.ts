/**
 * Memory experiments (docs/SCALE.md "Memory"): serves the production build in .next-bench against
 * an already seeded PostgreSQL (DATABASE_URL, scale 1 and optionally ×N), once per variant given
 * on the command line, loads each benchmarked route in turn and prints every worker's resident
 * memory after each route with the route's p95, so variants of V8 flags or allocator settings
 * can be compared within one invocation. A variant is a list of VAR=value (env for the server).
 *
 *   DATABASE_URL=... npx tsx scripts/bench/memory.ts "baseline" "NODE_OPTIONS=--max-old-space-size=256"
 *
 * Env: MEM_REQUESTS (requests per route, default 1,500, plus a fifth as warm-up: the same work
 * in every variant however busy the machine is), MEM_CONNECTIONS (20),
 * MEM_SCALE (which organisation's people, default 1), MEM_ONLY (regex of routes), MEM_HOLD_SECONDS
 * (keep the server up that long after the routes, e.g. to take a worker's heap snapshot).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { getPage } from "./lib/auth";
import { cpuProbe, memoryOf, rssBreakdown } from "./lib/cpu";
import { measure } from "./lib/load";
import { cleanupAll, freePort, local, startProcess, waitForHttp } from "./lib/procs";
import { routesFor, scaleInputs } from "./lib/routes";

const ROOT = path.resolve(__dirname, "..", "..");
const LOGS = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-memory-logs."));

function variant(spec: string): { label: string; env: Record<string, string> } {
  if (spec === "baseline") return { label: "baseline", env: {} };
  const env: Record<string, string> = {};
  for (const part of spec.split(/\s+(?=[A-Z_]+=)/)) {
    const i = part.indexOf("=");
    if (i < 1) throw new Error(`A variant is VAR=value pairs separated by spaces, or "baseline" (got ${JSON.stringify(part)}).`);
    env[part.slice(0, i)] = part.slice(i + 1);
  }
  return { label: spec, env };
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to a PostgreSQL seeded with npm run seed:large (and --scale N for MEM_SCALE=N).");
  const variants = (process.argv.slice(2).length ? process.argv.slice(2) : ["baseline"]).map(variant);
  const amount = Number(process.env.MEM_REQUESTS || 1_500);
  const connections = Number(process.env.MEM_CONNECTIONS || 20);
  const scale = Number(process.env.MEM_SCALE || 1);
  const only = process.env.MEM_ONLY ? new RegExp(process.env.MEM_ONLY, "i") : null;
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const secret = randomBytes(32).toString("base64url");
  console.log(`Logs: ${LOGS}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")}`);
  const summary: string[] = [];
  for (const v of variants) {
    const port = await freePort();
    const app = startProcess(`app-${port}`, process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: ".next-bench",
        PORT: String(port),
        HOST: "127.0.0.1",
        AUTH_SECRET: secret,
        AUTH_TRUST_HOST: "true",
        RAPPORT_HSTS: "off",
        APP_URL: "http://127.0.0.1",
        ...v.env,
      },
      logFile: path.join(LOGS, `app-${port}.log`),
    });
    await waitForHttp(local(port, "/api/health"), app);
    const base = local(port, "");
    const routes = routesFor(await scaleInputs(base, sql, scale)).filter((r) => !only || only.test(r.short));
    const workers = () => memoryOf([app.child.pid!]).filter((m) => m.name === "worker");
    const fmt = () => workers().map((w) => `${w.rssMb.toFixed(0)}/${w.peakMb.toFixed(0)}`).join(" ");
    console.log(`\n== ${v.label}: workers after start (RSS/peak MB): ${fmt()}`);
    let worst = 0;
    const p95s: string[] = [];
    for (const r of routes) {
      await getPage(base + r.path, r.cookie);
      // CPU time the server spent per response: what a flag costs, less sensitive than latency to a busy machine.
      const cpu = cpuProbe(() => [app.child.pid!], "/nonexistent");
      let t0 = 0;
      const m = await measure(r.name, base + r.path, { connections, duration: 0, warmup: 1, amount, cookie: r.cookie, beforeMeasure: async () => void (t0 = cpu.app()) });
      const cpuMs = ((cpu.app() - t0) * 10) / Math.max(1, m.responses);
      const now = workers();
      worst = Math.max(worst, ...now.map((w) => w.rssMb));
      p95s.push(`${r.short} ${m.p95.toFixed(0)} (${cpuMs.toFixed(1)} ms CPU)`);
      const parts = now[0] ? rssBreakdown(now[0].pid) : null;
      const where = parts ? `; first worker: ${Object.entries(parts).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", ")}` : "";
      console.log(`    workers now (RSS/peak MB): ${fmt()}; server CPU ${cpuMs.toFixed(1)} ms per response${where}`);
    }
    const peak = Math.max(...workers().map((w) => w.peakMb));
    summary.push(`${v.label}: highest worker RSS after a route ${worst.toFixed(0)} MB, peak ${peak.toFixed(0)} MB; p95 ms (server CPU per response): ${p95s.join(", ")}`);
    // MEM_HOLD_SECONDS: keep the server up after the routes (to take a heap snapshot of a worker).
    const hold = Number(process.env.MEM_HOLD_SECONDS || 0);
    if (hold > 0) {
      console.log(`    holding for ${hold} s; workers: ${workers().map((w) => w.pid).join(" ")}`);
      await new Promise((r) => setTimeout(r, hold * 1000));
    }
    process.kill(-app.child.pid!, "SIGTERM");
    await app.exited;
  }
  await sql.end({ timeout: 5 });
  console.log(`\n${summary.join("\n")}\nload average at the end ${os.loadavg().map((x) => x.toFixed(1)).join(" / ")}`);
}

main()
  .catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  })
  .finally(() => cleanupAll());
