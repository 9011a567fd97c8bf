import path from "node:path";
import { run } from "./procs";
import type { Explained } from "./report";

export type PlansRecorded = { counts: Record<string, number>; statements: Explained[] };

/**
 * Runs scripts/bench/explain-queries.ts against the cluster at `url` (auto_explain writes to
 * `logFile`) and returns what it recorded: used by the full run and by `npm run bench:plans`.
 */
export async function recordPlans(root: string, url: string, logFile: string): Promise<PlansRecorded | null> {
  const bench = path.join(root, "scripts", "bench");
  const out = await run(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "--require", path.join(bench, "allow-server-only.cjs"), path.join(bench, "explain-queries.ts")], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, DATABASE_POOL_SIZE: "1", PG_LOG: logFile },
    quiet: true,
  });
  const line = out.split("\n").find((l) => l.startsWith("EXPLAIN-JSON "));
  return line ? (JSON.parse(line.slice("EXPLAIN-JSON ".length)) as PlansRecorded) : null;
}
