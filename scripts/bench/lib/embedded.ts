import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DEMO_PASSWORD } from "@/scripts/seed/demo";
import { getPage, signIn } from "./auth";
import { memoryOf, rssBreakdown, type ProcMemory } from "./cpu";
import { measure, type LoadOptions, type Measured } from "./load";
import { freePort, local, run, startProcess, type Proc } from "./procs";

// The embedded default as a newcomer meets it: `npm start` with no DATABASE_URL in a fresh clone
// of the committed tree (node_modules hard-linked from this checkout: install is not timed), to
// the first healthy /api/health answer (build, migrate, seed the demo, serve); then a restart with
// nothing changed; then the demo people's pages under load, with the resident memory of the
// whole process tree (npm, the launcher, the server and anything they started) after each.

export type EmbeddedRow = Measured & { treeMb: number; processes: ProcMemory[] };
export type EmbeddedResult = {
  commit: string;
  freshStartSeconds: number;
  restartSeconds: number;
  restartRebuilt: boolean;
  rows: EmbeddedRow[];
  /** Highest total resident memory of the tree seen after a route, and its peak (sum of VmHWM). */
  maxTreeMb: number;
  idleTreeMb: number;
};

async function healthy(url: string, proc: Proc, timeoutMs: number): Promise<number> {
  const t0 = Date.now();
  let exited = false;
  void proc.exited.then(() => (exited = true));
  while (Date.now() - t0 < timeoutMs) {
    if (exited) throw new Error(`${proc.name} exited before it was healthy; see ${proc.logFile}`);
    try {
      const r = await fetch(url, { redirect: "manual" });
      if (r.status === 200) return (Date.now() - t0) / 1000;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} was not healthy within ${timeoutMs / 1000} s; see ${proc.logFile}`);
}

async function stop(proc: Proc): Promise<void> {
  try {
    process.kill(-proc.child.pid!, "SIGTERM");
  } catch {
    /* gone */
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-proc.child.pid!, "SIGKILL");
    } catch {
      /* gone */
    }
  }, 15_000);
  await proc.exited;
  // npm exits first; the server's worker may still be closing the embedded database. The restart
  // is timed from when the whole process group is gone, or it would time the old server answering.
  for (let i = 0; i < 200 && groupAlive(proc.child.pid!); i++) await new Promise((r) => setTimeout(r, 100));
  clearTimeout(timer);
  if (groupAlive(proc.child.pid!)) throw new Error("The embedded instance did not stop within 20 s of SIGTERM.");
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const treeMb = (procs: ProcMemory[]) => procs.reduce((n, p) => n + p.rssMb, 0);

export async function benchEmbedded(o: { root: string; logs: string; load: LoadOptions }): Promise<EmbeddedResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-fresh-clone."));
  try {
    await run("git", ["clone", "-q", o.root, dir], { quiet: true });
    const commit = (await run("git", ["-C", dir, "rev-parse", "HEAD"], { quiet: true })).trim();
    // Hard links: the same files as this checkout's install, in the clone's own folder (Turbopack
    // refuses a node_modules symlinked from outside the project).
    await run("cp", ["-al", path.join(o.root, "node_modules"), path.join(dir, "node_modules")], { quiet: true });
    const port = await freePort();
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(DATABASE_|NEXT_DIST_DIR|NODE_ENV|WEB_CONCURRENCY|RAPPORT_|AUTH_|APP_URL|PORT|HOST)/.test(k)) env[k] = v;
    Object.assign(env, { PORT: String(port), HOST: "127.0.0.1", RAPPORT_HSTS: "off" });
    const start = (name: string) => startProcess(name, "npm", ["start"], { cwd: dir, env: env as NodeJS.ProcessEnv, logFile: path.join(o.logs, `${name}.log`) });

    const first = start("embedded-fresh");
    const freshStartSeconds = await healthy(local(port, "/api/health"), first, 900_000);
    console.log(`  fresh clone: healthy after ${freshStartSeconds.toFixed(1)} s (build, migrate, demo data, serve)`);
    await stop(first);

    const again = start("embedded-restart");
    const restartSeconds = await healthy(local(port, "/api/health"), again, 300_000);
    const restartLog = fs.readFileSync(again.logFile, "utf8");
    const restartRebuilt = /Building Rapport/.test(restartLog);
    console.log(`  restart with nothing changed: healthy after ${restartSeconds.toFixed(1)} s${restartRebuilt ? " (it rebuilt)" : ""}`);

    const measured = await loadEmbedded(local(port, ""), again, o.load);
    await stop(again);
    return { commit, freshStartSeconds, restartSeconds, restartRebuilt, ...measured };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The demo people's pages under load on a running embedded instance; the tree's memory after each. */
export async function loadEmbedded(base: string, app: Proc, load: LoadOptions): Promise<{ rows: EmbeddedRow[]; maxTreeMb: number; idleTreeMb: number }> {
  const group = app.child.pid!;
  const idleTreeMb = treeMb(memoryOf([group]));
  const trainee = await signIn(base, "trainee@harbourside.example", DEMO_PASSWORD);
  const supervisor = await signIn(base, "supervisor@harbourside.example", DEMO_PASSWORD);
  const admin = await signIn(base, "admin@harbourside.example", DEMO_PASSWORD);
  const lesson = /href="(\/modules\/[^"/]+\/lessons\/[^"/]+)"/.exec(await getPage(`${base}/modules`, trainee))?.[1];
  const routes = [
    { name: "Embedded: sign-in page", path: "/login", cookie: undefined },
    ...(lesson ? [{ name: "Embedded: lesson page", path: lesson, cookie: trainee }] : []),
    { name: "Embedded: trainee home", path: "/home", cookie: trainee },
    { name: "Embedded: hours ledger", path: "/hours", cookie: trainee },
    { name: "Embedded: review queue", path: "/reviews", cookie: supervisor },
    { name: "Embedded: completion matrix", path: "/admin/reports", cookie: admin },
    { name: "Embedded: members list", path: "/admin/members", cookie: admin },
  ];
  const rows: EmbeddedRow[] = [];
  for (const r of routes) {
    await getPage(base + r.path, r.cookie);
    const m = await measure(r.name, base + r.path, { ...load, cookie: r.cookie });
    const processes = memoryOf([group]);
    rows.push({ ...m, treeMb: treeMb(processes), processes });
    const worker = processes.find((p) => p.name === "worker");
    const parts = worker ? rssBreakdown(worker.pid) : null;
    const where = parts ? `; worker: ${Object.entries(parts).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", ")}` : "";
    console.log(`    process tree after it: ${treeMb(processes).toFixed(0)} MB resident (${processes.map((p) => `${p.name} ${p.rssMb.toFixed(0)}`).join(", ")})${where}`);
  }
  return { rows, maxTreeMb: Math.max(...rows.map((r) => r.treeMb)), idleTreeMb };
}

/**
 * `npm start` in this checkout with no DATABASE_URL (a fresh data folder, the existing build in
 * NEXT_DIST_DIR, no rebuild) under load: for trying memory settings without a clone and a build.
 */
export async function embeddedHere(o: { root: string; logs: string; load: LoadOptions; env: Record<string, string> }): Promise<{ startSeconds: number; rows: EmbeddedRow[]; maxTreeMb: number; idleTreeMb: number }> {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-embedded-data."));
  try {
    const port = await freePort();
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !/^(DATABASE_|NODE_ENV|WEB_CONCURRENCY|AUTH_|APP_URL|PORT|HOST)/.test(k)) env[k] = v;
    Object.assign(env, { PORT: String(port), HOST: "127.0.0.1", RAPPORT_HSTS: "off", RAPPORT_SKIP_BUILD: "1", RAPPORT_DATA_DIR: data, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-bench" }, o.env);
    const app = startProcess(`embedded-here-${port}`, "npm", ["start"], { cwd: o.root, env: env as NodeJS.ProcessEnv, logFile: path.join(o.logs, `embedded-here-${port}.log`) });
    const startSeconds = await healthy(local(port, "/api/health"), app, 600_000);
    const r = await loadEmbedded(local(port, ""), app, o.load);
    await stop(app);
    return { startSeconds, ...r };
  } finally {
    fs.rmSync(data, { recursive: true, force: true });
  }
}
