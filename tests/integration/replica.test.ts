import { execFileSync } from "node:child_process";
import path from "node:path";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb, usingEmbedded } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { supervisions } from "@/db/schema";
import { readReplica, replicaStats, resetReplicaState } from "@/lib/core/replica";
import { getInsight } from "@/lib/cases/insight";
import { changeRole } from "@/lib/orgs/members";
import { listAuditEvents } from "@/lib/reports/audit-log";
import { getCompletionMatrix } from "@/lib/reports/completion";
import { getHoursReport } from "@/lib/reports/hours";
import { addMember, createOrg, createUser, type TestOrg } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

// A real streaming replica (scripts/pg-replica.sh: pg_basebackup -R from the test's PostgreSQL,
// started on a second port). PostgreSQL only: the embedded database has no replicas, and with it
// readReplica always reads from the one database there is.

withDatabase();

const SCRIPT = path.resolve(__dirname, "..", "..", "scripts", "pg-replica.sh");
const replicaScript = (...args: string[]) => execFileSync("bash", [SCRIPT, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 120_000 });

describe.skipIf(usingEmbedded())("reads on a replica (PostgreSQL streaming replica)", () => {
  let dir = "";
  let port = 0;
  let replicaSql: postgres.Sql;
  let primarySql: postgres.Sql;
  let org: TestOrg;

  const names = async (o: TestOrg) => (await getCompletionMatrix(ctxOf(o, o.admin), {})).rows.map((r) => r.name);

  /**
   * Waits until the replica has replayed everything the primary has written so far. The test
   * cluster runs with synchronous_commit=off, so a commit can return while its record is still in
   * the WAL buffers: pg_current_wal_lsn() (the write position) may lie before it. The insert
   * position covers every commit that has returned; pg_switch_wal() is not needed because the
   * WAL writer flushes the buffers within wal_writer_delay and the sender streams them.
   */
  async function caughtUp() {
    const [{ lsn }] = await primarySql`select pg_current_wal_insert_lsn()::text as lsn`;
    for (let i = 0; i < 600; i++) {
      const [{ done }] = await replicaSql`select pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as done`;
      if (done) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("the replica did not catch up within 30 s");
  }

  beforeAll(async () => {
    const out = replicaScript("start", process.env.DATABASE_URL!);
    const vars = Object.fromEntries(out.trim().split("\n").map((l) => l.split(/=(.*)/s).slice(0, 2)));
    dir = vars.PG_REPLICA_DIR;
    port = Number(vars.PG_REPLICA_PORT);
    process.env.DATABASE_REPLICA_URL = vars.PG_REPLICA_URL;
    replicaSql = postgres(vars.PG_REPLICA_URL, { max: 1, onnotice: () => {} });
    primarySql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    org = await createOrg("Replica");
    await caughtUp();
  });

  afterAll(async () => {
    delete process.env.DATABASE_REPLICA_URL;
    await replicaSql?.end({ timeout: 5 });
    await primarySql?.end({ timeout: 5 });
    if (dir) replicaScript("stop", dir);
  });

  it("is a standby on its own port, and readReplica sends heavy reads there", async () => {
    const [where] = await readReplica(ctxOf(org, org.admin), async (db) =>
      rowsOf<{ standby: boolean; port: number }>(await db.execute(sql`select pg_is_in_recovery() as standby, inet_server_port() as port`)),
    );
    expect(where).toEqual({ standby: true, port });
    const [primary] = rowsOf<{ standby: boolean }>(await (await getDb()).execute(sql`select pg_is_in_recovery() as standby`));
    expect(primary.standby).toBe(false);
  });

  it("serves the completion matrix, hours report and audit log from the replica while writes go to the primary", async () => {
    await replicaSql`select pg_wal_replay_pause()`;
    try {
      // Written on the primary while the replica replays nothing: the replica cannot show it.
      const late = await createUser("Aaron Latecomer");
      await addMember(org.orgId, late.id, "trainee");
      const before = replicaStats();
      expect(await names(org)).not.toContain(late.name);
      await getHoursReport(ctxOf(org, org.admin), {});
      await listAuditEvents(ctxOf(org, org.admin), {});
      expect(replicaStats().replica - before.replica).toBe(3);
      const onPrimary = rowsOf<{ n: number }>(await (await getDb()).execute(sql`select count(*)::int as n from memberships where user_id = ${late.id}`));
      expect(onPrimary[0].n).toBe(1);
    } finally {
      await replicaSql`select pg_wal_replay_resume()`;
    }
    await caughtUp();
    expect(await names(org)).toContain(`Aaron Latecomer`);
  });

  it("reads from the primary for someone who has just changed something (their own change shows at once)", async () => {
    const other = await createOrg("Writer");
    await caughtUp();
    await replicaSql`select pg_wal_replay_pause()`;
    try {
      const admin = ctxOf(other, other.admin);
      await changeRole(admin, { membershipId: other.otherTrainee.membershipId, role: "supervisor", version: 0 });
      const before = replicaStats();
      const events = await listAuditEvents(admin, {});
      expect(events.rows.map((r) => r.action)).toContain("member.role_changed");
      expect(replicaStats().primary - before.primary).toBe(1);
      expect(replicaStats().replica - before.replica).toBe(0);
      // Someone else in the organisation, who changed nothing, reads the replica (and may not see it yet).
      const supervisor = ctxOf(other, other.supervisor);
      const viaReplica = await readReplica(supervisor, async (db) => rowsOf<{ standby: boolean }>(await db.execute(sql`select pg_is_in_recovery() as standby`))[0].standby);
      expect(viaReplica).toBe(true);
    } finally {
      await replicaSql`select pg_wal_replay_resume()`;
    }
  });

  it("decides authorisation on the primary: a supervisor assigned a moment ago sees the trainee's insight", async () => {
    const o = await createOrg("Assign");
    await caughtUp();
    await replicaSql`select pg_wal_replay_pause()`;
    try {
      // The assignment exists only on the primary so far.
      await (await getDb()).insert(supervisions).values({ organisationId: o.orgId, supervisorMembershipId: o.otherSupervisor.membershipId, traineeMembershipId: o.otherTrainee.membershipId });
      const [onReplica] = await replicaSql`select count(*)::int as n from supervisions where supervisor_membership_id = ${o.otherSupervisor.membershipId}`;
      expect(onReplica.n).toBe(0);
      const before = replicaStats();
      const insight = await getInsight(ctxOf(o, o.otherSupervisor), o.otherTrainee.membershipId);
      expect(insight.name).toBe(o.otherTrainee.name);
      expect(replicaStats().replica - before.replica).toBe(1);
    } finally {
      await replicaSql`select pg_wal_replay_resume()`;
    }
  });

  it("falls back to the primary, with one log line, when the replica is down; and uses it again once it is back", async () => {
    resetReplicaState();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      replicaScript("down", dir);
      const late = await createUser("Zoe Afterstop");
      await addMember(org.orgId, late.id, "trainee");
      const before = replicaStats();
      expect(await names(org)).toContain(late.name); // answered, and from the primary: the replica is not running
      expect(await names(org)).toContain(late.name);
      await listAuditEvents(ctxOf(org, org.admin), {});
      const after = replicaStats();
      expect(after.fallback - before.fallback).toBe(1); // tried once, then skipped for a while
      expect(after.primary - before.primary).toBe(2);
      expect(after.replica - before.replica).toBe(0);
      const lines = warn.mock.calls.map((c) => String(c[0])).filter((l) => l.includes("read replica"));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/\[rapport\] read replica unavailable \(\w+\): reports read from the primary for the next 30 s\./);
    } finally {
      warn.mockRestore();
      replicaScript("up", dir);
    }
    resetReplicaState();
    await caughtUp();
    const before = replicaStats();
    expect(await names(org)).toContain("Zoe Afterstop");
    expect(replicaStats().replica - before.replica).toBe(1);
  });
});
