import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { applyMigrations, pendingMigrations } from "@/db/migrator";
import { auditEvents, memberships, organisations, users } from "@/db/schema";
import { authenticate } from "@/lib/auth/sign-in";
import { pgError } from "@/lib/core/db-errors";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { getMember, listMembers, setMemberStatus, LAST_ADMIN } from "@/lib/orgs/members";
import { listMyTrainees, getMemberCounts } from "@/lib/orgs/overview";
import { signUp } from "@/lib/orgs/sign-up";
import { createOrg, disableUser, TEST_PASSWORD, uid } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

describe("migrations", () => {
  it("apply cleanly, twice, and leave nothing pending", async () => {
    await applyMigrations();
    await applyMigrations();
    expect(await pendingMigrations(await getDb())).toBe(0);
  });

  it("make audit_events append-only in the database itself", async () => {
    const db = await getDb();
    const [row] = await db.insert(auditEvents).values({ action: "test.event", outcome: "success" }).returning();
    const refused = async (p: Promise<unknown>) => pgError(await p.then(() => null, (e) => e)).message;
    expect(await refused(db.update(auditEvents).set({ action: "tampered" }).where(eq(auditEvents.id, row.id)))).toMatch(/append-only/);
    expect(await refused(db.delete(auditEvents).where(eq(auditEvents.id, row.id)))).toMatch(/append-only/);
    const [still] = await db.select().from(auditEvents).where(eq(auditEvents.id, row.id));
    expect(still.action).toBe("test.event");
  });

  it("refuse a supervision that joins two organisations", async () => {
    const a = await createOrg("FkA");
    const b = await createOrg("FkB");
    const db = await getDb();
    await expect(
      db.execute(sql`insert into supervisions (organisation_id, supervisor_membership_id, trainee_membership_id)
                     values (${a.orgId}, ${a.supervisor.membershipId}, ${b.trainee.membershipId})`),
    ).rejects.toThrow();
  });
});

describe("sign-up", () => {
  it("creates the person, the organisation and an org_admin membership, and audits it", async () => {
    const email = `new.${uid()}@test.example`;
    const r = await signUp({ name: "New Person", email, password: "a long enough passphrase", organisationName: "Bayview Counselling" });
    const db = await getDb();
    const [m] = await db.select().from(memberships).where(eq(memberships.id, r.membershipId));
    expect(m).toMatchObject({ organisationId: r.orgId, userId: r.userId, role: "org_admin", status: "active" });
    const [u] = await db.select().from(users).where(eq(users.id, r.userId));
    expect(u.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, r.orgId), eq(auditEvents.action, "org.created")));
    expect(events).toHaveLength(1);
  });

  it("refuses an email that exists in any letter case and writes nothing", async () => {
    const email = `taken.${uid()}@test.example`;
    await signUp({ name: "First", email, password: "a long enough passphrase", organisationName: "First Org" });
    const db = await getDb();
    const before = await db.select({ n: sql<number>`count(*)::int` }).from(organisations);
    const attempt = signUp({ name: "Second", email: email.toUpperCase().toLowerCase(), password: "a long enough passphrase", organisationName: "Second Org" });
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    const after = await db.select({ n: sql<number>`count(*)::int` }).from(organisations);
    expect(after[0].n).toBe(before[0].n);
  });
});

describe("authentication", () => {
  it("accepts the right password and refuses wrong, unknown and disabled alike", async () => {
    const org = await createOrg("Auth");
    const ok = await authenticate({ email: org.trainee.email.toUpperCase(), password: TEST_PASSWORD, address: "127.0.0.1" });
    expect(ok?.id).toBe(org.trainee.userId);
    expect(await authenticate({ email: org.trainee.email, password: "wrong password here", address: null })).toBeNull();
    expect(await authenticate({ email: `nobody.${uid()}@test.example`, password: TEST_PASSWORD, address: null })).toBeNull();
    await disableUser(org.trainee.userId);
    expect(await authenticate({ email: org.trainee.email, password: TEST_PASSWORD, address: null })).toBeNull();
    const db = await getDb();
    const attempts = await db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, org.trainee.userId), eq(auditEvents.action, "auth.sign_in")));
    expect(attempts.map((a) => a.outcome).sort()).toEqual(["failure", "failure", "success"]);
  });
});

describe("members: scoped by organisation and role", () => {
  it("lists only the caller's organisation", async () => {
    const a = await createOrg("ListA");
    const b = await createOrg("ListB");
    const { rows } = await listMembers(ctxOf(a, a.admin));
    const ids = rows.map((r) => r.membershipId);
    expect(ids).toContain(a.trainee.membershipId);
    expect(ids).not.toContain(b.trainee.membershipId);
    expect(rows).toHaveLength(5);
  });

  it("searches and filters by role", async () => {
    const a = await createOrg("Filter");
    const { rows } = await listMembers(ctxOf(a, a.admin), { role: "supervisor" });
    expect(rows.map((r) => r.membershipId).sort()).toEqual([a.supervisor.membershipId, a.otherSupervisor.membershipId].sort());
    const found = await listMembers(ctxOf(a, a.admin), { q: a.otherTrainee.name.toUpperCase() });
    expect(found.rows.map((r) => r.membershipId)).toEqual([a.otherTrainee.membershipId]);
    const wild = await listMembers(ctxOf(a, a.admin), { q: "%" });
    expect(wild.rows).toHaveLength(0);
  });

  it("denies another organisation's admin and every non-admin role, as not-found", async () => {
    const a = await createOrg("DenyA");
    const b = await createOrg("DenyB");
    await expect(getMember(ctxOf(b, b.admin), a.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMember(ctxOf(a, a.trainee), a.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMember(ctxOf(a, a.supervisor), a.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listMembers(ctxOf(a, a.trainee))).rejects.toBeInstanceOf(NotFoundError);
    await expect(getMemberCounts(ctxOf(a, a.supervisor))).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      setMemberStatus(ctxOf(b, b.admin), { membershipId: a.trainee.membershipId, status: "deactivated", version: 0 }),
    ).rejects.toBeInstanceOf(NotFoundError);
    const [m] = await (await getDb()).select().from(memberships).where(eq(memberships.id, a.trainee.membershipId));
    expect(m.status).toBe("active");
    expect((await getMember(ctxOf(a, a.admin), a.trainee.membershipId)).name).toBe(a.trainee.name);
  });

  it("guards the last admin and detects a stale version", async () => {
    const a = await createOrg("Guard");
    const admin = ctxOf(a, a.admin);
    await expect(setMemberStatus(admin, { membershipId: a.admin.membershipId, status: "deactivated", version: 0 })).rejects.toThrow(LAST_ADMIN);
    const done = await setMemberStatus(admin, { membershipId: a.trainee.membershipId, status: "deactivated", version: 0 });
    expect(done).toMatchObject({ status: "deactivated", version: 1 });
    await expect(setMemberStatus(admin, { membershipId: a.trainee.membershipId, status: "active", version: 0 })).rejects.toBeInstanceOf(ConflictError);
  });

  it("shows a supervisor only their own assigned trainees", async () => {
    const a = await createOrg("Sup");
    expect((await listMyTrainees(ctxOf(a, a.supervisor))).map((t) => t.membershipId)).toEqual([a.trainee.membershipId]);
    expect(await listMyTrainees(ctxOf(a, a.otherSupervisor))).toEqual([]);
    await expect(listMyTrainees(ctxOf(a, a.trainee))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("embedded database lock", () => {
  // On both drivers: the holder is another process of ours, whatever the suite's own database is.
  it("a second process opening a data directory another process holds fails with a clear message", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-lock-"));
    const env = { ...process.env, RAPPORT_DATA_DIR: dir, DATABASE_URL: "" };
    const holder = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "tests/support/hold-embedded-db.ts"], { env, stdio: ["pipe", "pipe", "inherit"] });
    const exited = new Promise<number | null>((resolve) => holder.once("exit", resolve));
    try {
      let out = "";
      holder.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      const lockFile = path.join(dir, "pglite.lock");
      const holderPid = () => /pid (\d+)/.exec(out)?.[1];
      // Until the holder has taken the lock (or has died, which fails the test below).
      while (holder.exitCode === null && !(holderPid() && fs.existsSync(lockFile) && fs.readFileSync(lockFile, "utf8") === holderPid())) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(holder.exitCode, `the holder exited early: ${out}`).toBeNull();

      const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/migrate.ts"], { env, encoding: "utf8", timeout: 60_000 });
      expect(r.status).not.toBe(0);
      expect(r.stderr + r.stdout).toContain(`already open in another Rapport process (pid ${holderPid()})`);
    } finally {
      holder.stdin.end();
    }
    // Ending the holder releases the lock.
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dir, "pglite.lock"))).toBe(false);
  });
});
