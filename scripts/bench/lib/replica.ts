import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import { measure, type LoadOptions } from "./load";
import { local, onCleanup, waitForHttp, freePort, type Proc } from "./procs";
import type { Row } from "./report";

// BENCH_REPLICA=1: the completion matrix read from a PostgreSQL streaming replica against the same
// page read from the primary, both while a writer loop inserts on the primary. The replica is
// made by scripts/pg-replica.sh (pg_basebackup -R from the benchmark's primary, a second port);
// a second app instance gets DATABASE_REPLICA_URL, the first reads everything from the primary.

const run = promisify(execFile);
const SCRIPT = path.resolve(__dirname, "..", "..", "pg-replica.sh");

export type ReplicaOptions = {
  primaryUrl: string;
  /** The organisation whose events the writer adds (not the admin's: read-your-writes would send the admin to the primary). */
  writerOrgSlug: string;
  startApp: (name: string, port: number, env: Record<string, string>) => Proc;
  appEnv: Record<string, string>;
  /** The primary-only app instance, already running. */
  primaryBase: string;
  path: string;
  cookie: string;
  expect: string;
  load: LoadOptions;
};

export async function replicaRows(o: ReplicaOptions): Promise<{ rows: Row[]; notes: string[] }> {
  const { stdout } = await run("bash", [SCRIPT, "start", o.primaryUrl], { timeout: 300_000 });
  const vars = Object.fromEntries(stdout.trim().split("\n").map((l) => l.split(/=(.*)/s).slice(0, 2)));
  onCleanup("replica", async () => {
    await run("bash", [SCRIPT, "stop", vars.PG_REPLICA_DIR]).catch(() => {});
  });
  const port = await freePort();
  const app = o.startApp("app-replica", port, { ...o.appEnv, DATABASE_REPLICA_URL: vars.PG_REPLICA_URL });
  await waitForHttp(local(port, "/api/health"), app);
  const base = local(port, "");
  const html = await (await fetch(base + o.path, { headers: { cookie: o.cookie } })).text();
  if (!html.includes(o.expect)) throw new Error(`the replica-reading instance's ${o.path} did not contain "${o.expect}"`);

  const primary = postgres(o.primaryUrl, { max: 3, onnotice: () => {} });
  const replica = postgres(vars.PG_REPLICA_URL, { max: 1, onnotice: () => {} });
  const [writer] = await primary`select m.user_id::text as "userId", m.organisation_id::text as "orgId" from memberships m join organisations o on o.id = m.organisation_id
    where o.slug = ${o.writerOrgSlug} and m.role = 'trainee' order by m.id limit 1`;
  let writing = true;
  let inserted = 0;
  let maxLagMs = 0;
  const loop = async () => {
    while (writing) {
      await primary`insert into audit_events (organisation_id, actor_user_id, action, target_type, outcome, detail) values (${writer.orgId}, ${writer.userId}, 'bench.write', 'bench', 'success', '{"replica":true}')`;
      inserted++;
    }
  };
  const lag = async () => {
    while (writing) {
      const [r] = await primary`select coalesce(max(extract(epoch from replay_lag) * 1000), 0)::float8 as ms from pg_stat_replication`;
      maxLagMs = Math.max(maxLagMs, Number(r.ms));
      await new Promise((res) => setTimeout(res, 250));
    }
  };
  const commits = async () => Number((await replica`select sum(xact_commit)::bigint as n from pg_stat_database`)[0].n);
  const writers = [loop(), loop(), lag()];
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    const t0 = Date.now();
    const c0 = await commits();
    const fromPrimary = await measure("Completion matrix from the primary, writer inserting", o.primaryBase + o.path, { ...o.load, cookie: o.cookie });
    const c1 = await commits();
    const fromReplica = await measure("Completion matrix from the replica, writer inserting", base + o.path, { ...o.load, cookie: o.cookie });
    const c2 = await commits();
    const secs = (Date.now() - t0) / 1000;
    rows.push({ ...fromPrimary, group: "scale" }, { ...fromReplica, group: "scale" });
    notes.push(
      `Read replica (BENCH_REPLICA=1): the completion matrix p95 ${fromReplica.p95.toFixed(1)} ms from the replica against ${fromPrimary.p95.toFixed(1)} ms from the primary, ` +
        `while two writer loops inserted ${inserted.toLocaleString("en-AU")} audit events on the primary (${(inserted / secs).toFixed(0)}/s). ` +
        `Transactions on the replica: ${(c1 - c0).toLocaleString("en-AU")} while the primary-only instance was measured, ${(c2 - c1).toLocaleString("en-AU")} while the replica-reading one was ` +
        `(the reads went there). Largest replay lag seen: ${maxLagMs.toFixed(0)} ms.`,
    );
  } finally {
    writing = false;
    await Promise.allSettled(writers);
    await primary.end({ timeout: 5 });
    await replica.end({ timeout: 5 });
  }
  return { rows, notes };
}
