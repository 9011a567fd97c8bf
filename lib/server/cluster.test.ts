import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { handsOverToWorker, planWorkers, runCluster, workerExecArgv, WORKER_OLD_SPACE_MB, WORKER_SEMI_SPACE_MB, WORKER_HEAP_GROWING_PERCENT, type ClusterHandle } from "./cluster";

describe("planWorkers", () => {
  it("runs one worker per core on PostgreSQL and exactly one on the embedded database", () => {
    expect(planWorkers({ DATABASE_URL: "postgres://x/y" }, 4)).toEqual({ ok: true, workers: 4 });
    expect(planWorkers({ DATABASE_URL: "postgres://x/y" }, 64)).toEqual({ ok: true, workers: 16 });
    expect(planWorkers({}, 4)).toEqual({ ok: true, workers: 1 });
    expect(planWorkers({ DATABASE_URL: "" }, 8)).toEqual({ ok: true, workers: 1 });
  });

  it("takes WEB_CONCURRENCY when it is sensible", () => {
    expect(planWorkers({ DATABASE_URL: "postgres://x/y", WEB_CONCURRENCY: "3" }, 2)).toEqual({ ok: true, workers: 3 });
    expect(planWorkers({ WEB_CONCURRENCY: "1" }, 2)).toEqual({ ok: true, workers: 1 });
  });

  it("explains what to fix when WEB_CONCURRENCY cannot work", () => {
    for (const bad of ["0", "-1", "two", "1.5", "65"]) {
      const plan = planWorkers({ DATABASE_URL: "postgres://x/y", WEB_CONCURRENCY: bad }, 2);
      expect(plan).toEqual({ ok: false, message: expect.stringContaining("whole number from 1 to 64") });
    }
    expect(planWorkers({ WEB_CONCURRENCY: "2" }, 2)).toEqual({ ok: false, message: expect.stringMatching(/needs DATABASE_URL.*one process/) });
  });
});

describe("handsOverToWorker", () => {
  it("hands npm start's process to the one worker on the embedded database", () => {
    expect(handsOverToWorker({}, 1, true)).toBe(true);
    expect(handsOverToWorker({ DATABASE_URL: "" }, 1, true)).toBe(true);
  });

  it("keeps the supervisor with a database server, several workers, RAPPORT_SUPERVISE=1, or a Node.js that cannot replace a process", () => {
    expect(handsOverToWorker({ DATABASE_URL: "postgres://x/y" }, 1, true)).toBe(false);
    expect(handsOverToWorker({}, 2, true)).toBe(false);
    expect(handsOverToWorker({ RAPPORT_SUPERVISE: "1" }, 1, true)).toBe(false);
    expect(handsOverToWorker({}, 1, false)).toBe(false);
  });
});

describe("workerExecArgv", () => {
  it("bounds each worker's heap by default", () => {
    expect(workerExecArgv({})).toEqual([`--max-old-space-size=${WORKER_OLD_SPACE_MB}`, `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`, `--heap-growing-percent=${WORKER_HEAP_GROWING_PERCENT}`]);
  });

  it("leaves a limit to NODE_OPTIONS when it sets one, and keeps the other", () => {
    expect(workerExecArgv({ NODE_OPTIONS: "--max-old-space-size=1024" })).toEqual([`--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`, `--heap-growing-percent=${WORKER_HEAP_GROWING_PERCENT}`]);
    expect(workerExecArgv({ NODE_OPTIONS: "--enable-source-maps --max-semi-space-size 32" })).toEqual([`--max-old-space-size=${WORKER_OLD_SPACE_MB}`, `--heap-growing-percent=${WORKER_HEAP_GROWING_PERCENT}`]);
  });

  it("takes RAPPORT_WORKER_HEAP_MB, RAPPORT_WORKER_SEMI_SPACE_MB and RAPPORT_WORKER_HEAP_GROWING_PERCENT, where 0 means V8's own default", () => {
    expect(workerExecArgv({ RAPPORT_WORKER_HEAP_MB: "512", RAPPORT_WORKER_SEMI_SPACE_MB: "0", RAPPORT_WORKER_HEAP_GROWING_PERCENT: "0" })).toEqual(["--max-old-space-size=512"]);
    expect(workerExecArgv({ RAPPORT_WORKER_HEAP_MB: "lots", RAPPORT_WORKER_HEAP_GROWING_PERCENT: "35" })).toEqual([`--max-old-space-size=${WORKER_OLD_SPACE_MB}`, `--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`, "--heap-growing-percent=35"]);
  });

  it("adds V8 flags from RAPPORT_WORKER_V8_FLAGS and ignores anything that is not a flag", () => {
    expect(workerExecArgv({ RAPPORT_WORKER_HEAP_MB: "0", RAPPORT_WORKER_SEMI_SPACE_MB: "0", RAPPORT_WORKER_HEAP_GROWING_PERCENT: "0", RAPPORT_WORKER_V8_FLAGS: " --heap-growing-percent=30  --optimize-for-size ; rm -rf / --x=$(id)" })).toEqual([
      "--heap-growing-percent=30",
      "--optimize-for-size",
    ]);
  });
});

const STUB = path.resolve(__dirname, "../../tests/support/pid-server.cjs");

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

async function get(port: number, p = "/"): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}${p}`);
  return res.text();
}

async function pidsSeen(port: number, requests: number): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let i = 0; i < requests; i++) seen.add(await get(port));
  return seen;
}

describe("runCluster", () => {
  let server: ClusterHandle | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  function start(port: number, workers: number, env: Record<string, string> = {}) {
    let readyWith = 0;
    const ready = new Promise<void>((resolve) => {
      server = runCluster({ exec: STUB, args: ["start", "-p", String(port)], workers, env, log: () => {}, onReady: (n) => ((readyWith = n), resolve()) });
    });
    return { ready, readyWith: () => readyWith };
  }

  it("shares one port between the workers and stops them all", async () => {
    const port = await freePort();
    const s = start(port, 2);
    await s.ready;
    expect(s.readyWith()).toBe(2);
    const pids = await pidsSeen(port, 12);
    expect(pids.size).toBe(2);
    expect(pids.has(String(process.pid))).toBe(false);
    expect(await server!.stop()).toBe(0);
    await expect(get(port)).rejects.toThrow();
  });

  it("replaces a worker that dies while serving", async () => {
    const port = await freePort();
    const s = start(port, 1);
    await s.ready;
    const first = await get(port);
    await get(port, "/crash").catch(() => "connection dropped");
    let next = "";
    for (let i = 0; i < 50 && !/^\d+$/.test(next); i++) {
      await new Promise((r) => setTimeout(r, 100));
      next = await get(port).catch(() => "");
    }
    expect(next).toMatch(/^\d+$/);
    expect(next).not.toBe(first);
  });

  it("starts workers with the flags it is given", async () => {
    const port = await freePort();
    let ready: () => void = () => {};
    const up = new Promise<void>((r) => (ready = r));
    server = runCluster({ exec: STUB, args: ["start", "-p", String(port)], execArgv: ["--max-old-space-size=123"], workers: 1, log: () => {}, onReady: () => ready() });
    await up;
    // V8 adds the young generation to the old-space limit.
    expect(Number(await get(port, "/heap"))).toBeGreaterThanOrEqual(123);
    expect(Number(await get(port, "/heap"))).toBeLessThan(400);
  });

  it("gives up with the worker's exit code when a worker cannot start", async () => {
    const port = await freePort();
    server = runCluster({ exec: STUB, args: ["start", "-p", String(port)], workers: 2, env: { FAIL_AT_START: "1" }, log: () => {} });
    expect(await server.done).toBe(3);
  });
});
