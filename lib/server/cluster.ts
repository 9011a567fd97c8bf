import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import { originProblem } from "@/lib/email/base-url";

// The production server: `next start` in several worker processes sharing one port (Node's
// cluster module hands each new connection to a worker). Rapport keeps no state in memory
// between requests (sessions, throttles and audit live in PostgreSQL), so the workers need no
// coordination; the curriculum cache in each one refreshes on its own (docs/SCALING.md).

export type WorkerPlan = { ok: true; workers: number } | { ok: false; message: string };

/**
 * How many workers to run. WEB_CONCURRENCY wins when set; otherwise one per core on PostgreSQL.
 * The embedded database (PGlite) lives inside one process, so it always gets exactly one.
 */
type Env = Record<string, string | undefined>;

export function planWorkers(env: Env, cores = os.availableParallelism()): WorkerPlan {
  const embedded = !env.DATABASE_URL;
  const raw = env.WEB_CONCURRENCY?.trim();
  if (!raw) return { ok: true, workers: embedded ? 1 : Math.max(1, Math.min(cores, 16)) };
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 64) {
    return { ok: false, message: `WEB_CONCURRENCY must be a whole number from 1 to 64 (got "${raw}").` };
  }
  const n = Number(raw);
  if (embedded && n > 1) {
    return {
      ok: false,
      message: `WEB_CONCURRENCY=${n} needs DATABASE_URL: the embedded database can only be opened by one process. Leave WEB_CONCURRENCY unset or set it to 1.`,
    };
  }
  return { ok: true, workers: n };
}

export type ClusterOptions = {
  /** Script each worker runs (the Next.js CLI in production). */
  exec: string;
  args: string[];
  /** Node.js flags for each worker (workerExecArgv). */
  execArgv?: string[];
  workers: number;
  env?: Env;
  /** Called once, when every worker is accepting connections. */
  onReady?: (workers: number) => void;
  log?: (line: string) => void;
};

export type ClusterHandle = { stop: (signal?: NodeJS.Signals) => Promise<number>; done: Promise<number> };

/**
 * Forks the workers and keeps them running: a worker that dies after it was listening is
 * replaced; one that dies before it ever listened (a bad port, a broken build) stops the whole
 * server with its exit code rather than looping. Resolves `done` with the exit code to use.
 */
export function runCluster(opts: ClusterOptions): ClusterHandle {
  if (!cluster.isPrimary) throw new Error("runCluster must run in the primary process");
  const log = opts.log ?? ((line: string) => console.log(line));
  cluster.setupPrimary({ exec: opts.exec, args: opts.args, execArgv: opts.execArgv ?? [] });
  const listening = new Set<number>();
  const live = new Set<Worker>();
  let announced = false;
  let stopping = false;
  let finish: (code: number) => void = () => {};
  const done = new Promise<number>((resolve) => (finish = resolve));
  let exitCode = 0;

  const fork = () => {
    const w = cluster.fork(opts.env);
    live.add(w);
    w.on("listening", () => {
      listening.add(w.id);
      if (!announced && listening.size >= opts.workers) {
        announced = true;
        opts.onReady?.(opts.workers);
      }
    });
    w.on("exit", (code, signal) => {
      live.delete(w);
      const wasListening = listening.delete(w.id);
      if (stopping) {
        if (live.size === 0) finish(exitCode);
        return;
      }
      if (!wasListening) {
        log(`A server worker stopped before it was ready (${signal ?? `exit code ${code}`}); stopping.`);
        exitCode = code || 1;
        void stop("SIGTERM");
        return;
      }
      log(`A server worker stopped (${signal ?? `exit code ${code}`}); starting a replacement.`);
      fork();
    });
  };

  const stop = (signal: NodeJS.Signals = "SIGTERM") => {
    if (!stopping) {
      stopping = true;
      if (live.size === 0) finish(exitCode);
      for (const w of live) w.process.kill(signal);
    }
    return done;
  };

  for (let i = 0; i < opts.workers; i++) fork();
  return { stop, done };
}

/**
 * V8 heap limits for each server worker (docs/SCALE.md "Memory"). Left alone, V8 on Node.js 24
 * lets the young generation grow to 64 MB per semi-space (no pointer compression) and the old
 * generation towards a quarter of the machine's memory before it collects hard, so a worker whose
 * live heap is under 100 MB sat at about 600 MB resident under load. The semi-space limit is
 * what made the difference; the old-space limit bounds the rest with room for the largest
 * requests (20 audit-log pages at once, CSV exports of a 10,000-member organisation). A flag already in NODE_OPTIONS wins;
 * RAPPORT_WORKER_HEAP_MB, RAPPORT_WORKER_SEMI_SPACE_MB and RAPPORT_WORKER_HEAP_GROWING_PERCENT change ours
 * ("0" leaves V8's default);
 * RAPPORT_WORKER_V8_FLAGS adds others (space-separated `--flag` or `--flag=value`; anything else is ignored).
 */
// 256 MB was tried and is too low: a worker ran out of heap and was restarted under 20 concurrent
// audit-log pages (580 KB of HTML each) at ten times the data (docs/SCALE.md, "Memory").
export const WORKER_OLD_SPACE_MB = 512;
export const WORKER_SEMI_SPACE_MB = 4;
/**
 * How far V8 lets the old generation grow past what survived the last full collection before it
 * collects again: 20% instead of V8's own factor (up to four times when collections are cheap).
 * A worker's live heap is about 100 MB; this keeps what it holds near that under load. Measured
 * with the semi-space at 4 MB in docs/SCALE.md "Memory": at most 297 MB resident against 334 MB,
 * with the same CPU time per response within the machine's noise.
 */
export const WORKER_HEAP_GROWING_PERCENT = 20;

export function workerExecArgv(env: Env): string[] {
  const nodeOptions = env.NODE_OPTIONS ?? "";
  const out: string[] = [];
  const flag = (name: string, raw: string | undefined, fallback: number) => {
    if (new RegExp(`--${name}(=|\\s|$)`).test(nodeOptions)) return;
    const mb = raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : fallback;
    if (mb > 0) out.push(`--${name}=${mb}`);
  };
  flag("max-old-space-size", env.RAPPORT_WORKER_HEAP_MB, WORKER_OLD_SPACE_MB);
  flag("max-semi-space-size", env.RAPPORT_WORKER_SEMI_SPACE_MB, WORKER_SEMI_SPACE_MB);
  flag("heap-growing-percent", env.RAPPORT_WORKER_HEAP_GROWING_PERCENT, WORKER_HEAP_GROWING_PERCENT);
  // V8 flags Node.js refuses in NODE_OPTIONS (--heap-growing-percent, say), for measuring them.
  for (const extra of (env.RAPPORT_WORKER_V8_FLAGS ?? "").split(/\s+/)) if (/^--[a-z0-9-]+(=[\w.-]+)?$/.test(extra)) out.push(extra);
  return out;
}

/**
 * Whether `npm start` hands its own process to the single server worker instead of staying as its
 * supervisor: on the embedded database (one worker: PGlite can only be opened by one process), when
 * this Node.js can replace a process (process.execve, Node.js 22.15 and 23.11 on), and unless
 * RAPPORT_SUPERVISE=1. The supervisor is a whole Node.js process (about 65 MB resident) that only
 * restarts a worker that crashed; handed over, a crash ends `npm start` like any other server
 * process, and whatever started it (a terminal, systemd, a container) decides what happens next.
 */
export function handsOverToWorker(env: Env, workers: number, canExec = typeof (process as { execve?: unknown }).execve === "function"): boolean {
  return !env.DATABASE_URL && workers === 1 && canExec && env.RAPPORT_SUPERVISE !== "1";
}

/**
 * Serves the production build with `next start` in as many workers as planWorkers allows,
 * forwards SIGINT/SIGTERM to them and exits with their code. For `npm start` and `npm run serve`.
 * On the embedded database this process becomes the one worker instead (handsOverToWorker).
 */
export function serveNext(opts: { port: string; host?: string; env?: Env; onReady?: (workers: number) => void; beforeHandOver?: () => void }): void {
  const env: Env = { ...process.env, ...opts.env, NODE_ENV: "production", PORT: opts.port };
  const originError = originProblem(env);
  if (originError) {
    console.error(originError);
    process.exit(1);
  }
  const plan = planWorkers(env);
  if (!plan.ok) {
    console.error(plan.message);
    process.exit(1);
  }
  const next = require.resolve("next/dist/bin/next");
  const args = ["start", "-p", opts.port, ...(opts.host ? ["-H", opts.host] : [])];
  if (handsOverToWorker(env, plan.workers)) {
    opts.beforeHandOver?.();
    const clean = Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
    (process as unknown as { execve: (file: string, args: string[], env: Record<string, string>) => never }).execve(process.execPath, [process.execPath, ...workerExecArgv(env), next, ...args], clean);
  }
  const server = runCluster({ exec: next, args, execArgv: workerExecArgv(env), workers: plan.workers, env, onReady: opts.onReady });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => void server.stop(sig));
  void server.done.then((code) => process.exit(code));
}
