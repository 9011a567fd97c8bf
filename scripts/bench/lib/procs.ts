import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

// Everything the benchmark starts is registered here and stopped in reverse order, whatever
// happens: normal end, an exception, Ctrl-C or SIGTERM. Children run in their own process group
// so a `next start` and anything it forks go together; only those ids are ever signalled.

type Cleanup = { name: string; run: () => Promise<void> | void };
const cleanups: Cleanup[] = [];
let cleaning: Promise<void> | null = null;

export function onCleanup(name: string, run: Cleanup["run"]): void {
  cleanups.push({ name, run });
}

export function cleanupAll(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const c = cleanups.pop()!;
      try {
        await c.run();
      } catch (e) {
        console.error(`cleanup (${c.name}) failed: ${e instanceof Error ? e.message : e}`);
      }
    }
  })();
  return cleaning;
}

for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(sig, () => {
    console.error(`\n${sig}: stopping everything the benchmark started ...`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

export type Proc = { name: string; child: ChildProcess; logFile: string; exited: Promise<number | null> };

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Starts a long-running child (server); it is stopped (TERM, then KILL after 5 s) at cleanup. */
export function startProcess(name: string, cmd: string, args: string[], opts: SpawnOptions & { logFile: string }): Proc {
  const out = fs.openSync(opts.logFile, "a");
  const child = spawn(cmd, args, { ...opts, detached: true, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  onCleanup(name, async () => {
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  });
  return { name, child, logFile: opts.logFile, exited };
}

/** Runs a command to completion; rejects with the tail of its output when it fails. */
export function run(cmd: string, args: string[], opts: SpawnOptions & { logFile?: string; quiet?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    onCleanup(`run ${cmd}`, () => killGroup(child, "SIGKILL"));
    let output = "";
    const take = (d: Buffer) => {
      output += d.toString();
      if (opts.logFile) fs.appendFileSync(opts.logFile, d);
      if (!opts.quiet) process.stdout.write(d);
    };
    child.stdout!.on("data", take);
    child.stderr!.on("data", take);
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${cmd} ${args.join(" ")} exited with ${code}\n${output.slice(-3000)}`));
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Only ever talks to this machine. */
export function local(port: number, path = "/"): string {
  return `http://127.0.0.1:${port}${path}`;
}

export function assertLocal(url: string): void {
  if (new URL(url).hostname !== "127.0.0.1") throw new Error(`The benchmark only targets 127.0.0.1, not ${url}`);
}

export async function waitForHttp(url: string, proc: Proc | null, timeoutMs = 120_000): Promise<void> {
  assertLocal(url);
  const until = Date.now() + timeoutMs;
  let exited = false;
  proc?.exited.then(() => (exited = true));
  while (Date.now() < until) {
    if (exited) throw new Error(`${proc!.name} exited before answering ${url}; see ${proc!.logFile}`);
    try {
      // Any answer means the server is up (the health check says 503 while a migration written
      // after the seed step is pending); the page checks that follow catch a broken app.
      await fetch(url, { redirect: "manual" });
      return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Timed out waiting for ${url}`);
}
