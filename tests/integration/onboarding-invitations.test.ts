import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, cohortMembers, cohorts, invitations, memberships, outbox, supervisions, users } from "@/db/schema";
import { NotFoundError, ValidationError, ConflictError } from "@/lib/core/errors";
import { acceptAsExistingUser, acceptAsNewUser, InvitationUnusableError, viewInvitation } from "@/lib/onboarding/accept";
import { readInviteCsv } from "@/lib/onboarding/csv";
import { importInviteRows, previewInviteRows } from "@/lib/onboarding/import";
import { ALREADY_INVITED, ALREADY_MEMBER, inviteOne, listInvitations, resendInvitation, revokeInvitation } from "@/lib/onboarding/invitations";
import { hashToken } from "@/lib/onboarding/tokens";
import { createOrg, createUser, uid } from "../fixtures/factory";
import { expireInvitation, inviteCsv, latestEmail, tokenFrom } from "../fixtures/onboarding";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();
const rowsOf = (bytes: Uint8Array) => {
  const r = readInviteCsv(bytes);
  if (!r.ok) throw new Error(r.error);
  return r.rows;
};

describe("single invitation", () => {
  it("stores only a hash of a 32-byte token, valid 14 days, and puts the link in the outbox", async () => {
    const org = await createOrg("Inv");
    const email = `Ana.${uid()}@Test.example`;
    const { id } = await inviteOne(ctxOf(org, org.admin), { email: email.toLowerCase(), name: "Ana", role: "trainee", supervisorMembershipId: org.supervisor.membershipId, cohortId: null });
    const db = await getDb();
    const [inv] = await db.select().from(invitations).where(eq(invitations.id, id));
    const mail = await latestEmail(org.orgId, email);
    expect(mail).toMatchObject({ kind: "invitation", status: "stored" });
    const token = tokenFrom(mail.text);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(inv.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(inv)).not.toContain(token);
    const days = (inv.expiresAt.getTime() - inv.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(14, 2);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.targetId, id), eq(auditEvents.action, "invitation.created")));
    expect(events).toHaveLength(1);
  });

  it("refuses an existing member and a second open invitation, next to the email", async () => {
    const org = await createOrg("InvDup");
    const admin = ctxOf(org, org.admin);
    await expect(inviteOne(admin, { email: org.trainee.email, name: "", role: "trainee", supervisorMembershipId: null, cohortId: null })).rejects.toMatchObject({ fieldErrors: { email: [ALREADY_MEMBER] } });
    const email = `dup.${uid()}@test.example`;
    await inviteOne(admin, { email, name: "", role: "trainee", supervisorMembershipId: null, cohortId: null });
    await expect(inviteOne(admin, { email, name: "", role: "supervisor", supervisorMembershipId: null, cohortId: null })).rejects.toMatchObject({ fieldErrors: { email: [ALREADY_INVITED] } });
  });

  it("refuses a supervisor or cohort of another organisation", async () => {
    const a = await createOrg("InvA");
    const b = await createOrg("InvB");
    const db = await getDb();
    const [bCohort] = await db.insert(cohorts).values({ organisationId: b.orgId, name: "B intake" }).returning();
    const input = { email: `x.${uid()}@test.example`, name: "", role: "trainee" as const, supervisorMembershipId: b.supervisor.membershipId, cohortId: bCohort.id };
    await expect(inviteOne(ctxOf(a, a.admin), input)).rejects.toBeInstanceOf(ValidationError);
    const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(invitations).where(eq(invitations.email, input.email));
    expect(n.n).toBe(0);
  });
});

describe("bulk import", () => {
  it("previews every row, imports only valid rows, and a second import creates nothing twice", async () => {
    const org = await createOrg("Bulk");
    const id = uid();
    const file = inviteCsv([
      [`one.${id}@test.example`, "One, First", "trainee", org.supervisor.email, `Intake ${id}`],
      [`two.${id}@test.example`, "Two", "Supervisor", "", ""],
      ["not-an-email", "Bad", "trainee", "", ""],
      [`ONE.${id}@test.example`, "Dup", "trainee", "", ""],
      [org.trainee.email, "Member", "trainee", "", ""],
      [`three.${id}@test.example`, "Three", "boss", "", ""],
      [`four.${id}@test.example`, "Four", "trainee", org.otherTrainee.email, ""],
      [`five.${id}@test.example`, "Five", "trainee", `ghost.${id}@test.example`, ""],
    ]);
    const admin = ctxOf(org, org.admin);
    const preview = await previewInviteRows(admin, rowsOf(file));
    expect(preview.map((r) => r.status)).toEqual(["ready", "ready", "error", "error", "error", "error", "error", "error"]);
    expect(preview[0].note).toBe(`Creates the cohort “Intake ${id}”.`);

    const first = await importInviteRows(admin, rowsOf(file), "csv");
    expect(first.map((r) => r.outcome)).toEqual(["invited", "invited", "error", "error", "error", "error", "error", "error"]);
    expect(first[3].message).toMatch(/Duplicate of line 2/);
    const db = await getDb();
    const count = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(invitations).where(eq(invitations.organisationId, org.orgId)))[0].n;
    const mails = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.organisationId, org.orgId)))[0].n;
    expect(await count()).toBe(2);
    expect(await mails()).toBe(2);
    const [inv] = await db.select().from(invitations).where(eq(invitations.email, `one.${id}@test.example`));
    expect(inv.supervisorMembershipId).toBe(org.supervisor.membershipId);
    expect(inv.cohortId).not.toBeNull();

    const again = await importInviteRows(admin, rowsOf(file), "csv");
    expect(again.slice(0, 2).map((r) => r.outcome)).toEqual(["skipped", "skipped"]);
    expect(await count()).toBe(2);
    expect(await mails()).toBe(2);
    const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(cohorts).where(eq(cohorts.organisationId, org.orgId));
    expect(c.n).toBe(1);
  });

  it("imports 5,000 rows in one go, adding nobody to a cohort before they accept", async () => {
    const org = await createOrg("Big");
    const id = uid();
    const rows = Array.from({ length: 5000 }, (_, i) => [`p${i}.${id}@test.example`, `Person ${i}`, i % 10 === 0 ? "supervisor" : "trainee", "", i % 2 ? `Big ${id} A` : `Big ${id} B`]);
    const started = Date.now();
    const result = await importInviteRows(ctxOf(org, org.admin), rowsOf(inviteCsv(rows)), "csv");
    const ms = Date.now() - started;
    expect(result.filter((r) => r.outcome === "invited")).toHaveLength(5000);
    const db = await getDb();
    const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(invitations).where(eq(invitations.organisationId, org.orgId));
    expect(n.n).toBe(5000);
    const [m] = await db.select({ n: sql<number>`count(*)::int` }).from(cohortMembers).where(eq(cohortMembers.organisationId, org.orgId));
    expect(m.n).toBe(0); // cohort membership happens on acceptance
    // A figure to read, not a limit to pass: timing on a shared machine belongs to npm run bench.
    console.log(`5,000-row import took ${ms} ms`);
  });

  it("is refused to non-admins and never touches another organisation", async () => {
    const a = await createOrg("BulkA");
    const b = await createOrg("BulkB");
    const rows = rowsOf(inviteCsv([[`z.${uid()}@test.example`, "Z", "trainee", a.supervisor.email, ""]]));
    await expect(importInviteRows(ctxOf(a, a.trainee), rows, "csv")).rejects.toBeInstanceOf(NotFoundError);
    await expect(previewInviteRows(ctxOf(a, a.supervisor), rows)).rejects.toBeInstanceOf(NotFoundError);
    // B's admin naming A's supervisor: not found in B.
    const [r] = await previewInviteRows(ctxOf(b, b.admin), rows);
    expect(r.status).toBe("error");
    expect(r.problems[0]).toMatch(/No active member has the email/);
    // A's member is not "already a member" of B.
    const [m] = await previewInviteRows(ctxOf(b, b.admin), rowsOf(inviteCsv([[a.trainee.email, "A", "trainee", "", ""]])));
    expect(m.status).toBe("ready");
  });
});

describe("accepting an invitation", () => {
  async function invited(role: "trainee" | "supervisor" = "trainee") {
    const org = await createOrg("Acc");
    const db = await getDb();
    const [cohort] = await db.insert(cohorts).values({ organisationId: org.orgId, name: `Intake ${uid()}` }).returning();
    const email = `new.${uid()}@test.example`;
    await inviteOne(ctxOf(org, org.admin), { email, name: "Nia", role, supervisorMembershipId: role === "trainee" ? org.supervisor.membershipId : null, cohortId: cohort.id });
    const token = tokenFrom((await latestEmail(org.orgId, email)).text);
    return { org, email, token, cohort };
  }

  it("a new person sets a password and joins with role, supervisor and cohort; the link then says it was used", async () => {
    const { org, email, token, cohort } = await invited();
    expect(await viewInvitation(token)).toMatchObject({ state: "valid", email, role: "trainee", hasAccount: false, orgName: org.name });
    const r = await acceptAsNewUser({ token, name: "Nia Okafor", password: "a long enough passphrase" });
    const db = await getDb();
    const [m] = await db.select().from(memberships).where(eq(memberships.id, r.membershipId));
    expect(m).toMatchObject({ organisationId: org.orgId, role: "trainee", status: "active" });
    const [u] = await db.select().from(users).where(eq(users.id, r.userId));
    expect(u).toMatchObject({ email, name: "Nia Okafor" });
    expect(await db.select().from(supervisions).where(eq(supervisions.traineeMembershipId, r.membershipId))).toHaveLength(1);
    expect(await db.select().from(cohortMembers).where(and(eq(cohortMembers.cohortId, cohort.id), eq(cohortMembers.membershipId, r.membershipId)))).toHaveLength(1);
    expect((await viewInvitation(token)).state).toBe("accepted");
    await expect(acceptAsNewUser({ token, name: "Again", password: "a long enough passphrase" })).rejects.toMatchObject({ state: "accepted" });
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "invitation.accepted")));
    expect(events).toHaveLength(1);
  });

  it("an existing user joins with their account; a different signed-in user cannot use the link", async () => {
    const org = await createOrg("AccEx");
    const person = await createUser(`Existing ${uid()}`);
    await inviteOne(ctxOf(org, org.admin), { email: person.email, name: "", role: "supervisor", supervisorMembershipId: null, cohortId: null });
    const token = tokenFrom((await latestEmail(org.orgId, person.email)).text);
    expect(await viewInvitation(token)).toMatchObject({ state: "valid", hasAccount: true });
    await expect(acceptAsNewUser({ token, name: "X", password: "a long enough passphrase" })).rejects.toBeInstanceOf(ValidationError);
    await expect(acceptAsExistingUser({ id: org.trainee.userId, email: org.trainee.email }, token)).rejects.toBeInstanceOf(NotFoundError);
    const r = await acceptAsExistingUser({ id: person.id, email: person.email.toUpperCase() }, token);
    const db = await getDb();
    const [m] = await db.select().from(memberships).where(eq(memberships.id, r.membershipId));
    expect(m).toMatchObject({ userId: person.id, role: "supervisor", organisationId: org.orgId });
  });

  it("an expired link says so and creates nothing", async () => {
    const { org, email, token } = await invited();
    await expireInvitation(org.orgId, email);
    expect((await viewInvitation(token)).state).toBe("expired");
    const err = await acceptAsNewUser({ token, name: "Late", password: "a long enough passphrase" }).catch((e) => e);
    expect(err).toBeInstanceOf(InvitationUnusableError);
    expect(err.message).toMatch(/has expired. Ask the person who invited you to send a new one/);
    const db = await getDb();
    expect(await db.select().from(users).where(sql`lower(${users.email}) = ${email}`)).toHaveLength(0);
  });

  it("a revoked link says it was withdrawn; revoking twice is a conflict; other orgs and roles can't revoke", async () => {
    const { org, token } = await invited();
    const other = await createOrg("AccOther");
    const { rows } = await listInvitations(ctxOf(org, org.admin), { status: "open" });
    const inv = rows[0];
    await expect(revokeInvitation(ctxOf(other, other.admin), { id: inv.id, version: inv.version })).rejects.toBeInstanceOf(NotFoundError);
    await expect(revokeInvitation(ctxOf(org, org.supervisor), { id: inv.id, version: inv.version })).rejects.toBeInstanceOf(NotFoundError);
    expect((await viewInvitation(token)).state).toBe("valid");
    await revokeInvitation(ctxOf(org, org.admin), { id: inv.id, version: inv.version });
    expect((await viewInvitation(token)).state).toBe("revoked");
    await expect(acceptAsNewUser({ token, name: "X", password: "a long enough passphrase" })).rejects.toMatchObject({ state: "revoked" });
    await expect(revokeInvitation(ctxOf(org, org.admin), { id: inv.id, version: inv.version })).rejects.toBeInstanceOf(ConflictError);
  });

  it("a resend invalidates the old link, which then says a newer one was sent; the new one works", async () => {
    const { org, email, token } = await invited("supervisor");
    const admin = ctxOf(org, org.admin);
    const [inv] = (await listInvitations(admin, { q: email })).rows;
    await resendInvitation(admin, { id: inv.id, version: inv.version });
    const fresh = tokenFrom((await latestEmail(org.orgId, email)).text);
    expect(fresh).not.toBe(token);
    expect((await viewInvitation(token)).state).toBe("replaced");
    await expect(acceptAsNewUser({ token, name: "Old", password: "a long enough passphrase" })).rejects.toMatchObject({ state: "replaced" });
    const listed = (await listInvitations(admin, { q: email })).rows;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ status: "open", role: "supervisor" });
    await expect(resendInvitation(admin, { id: inv.id, version: inv.version })).rejects.toBeInstanceOf(NotFoundError);
    const r = await acceptAsNewUser({ token: fresh, name: "New", password: "a long enough passphrase" });
    expect(r.orgId).toBe(org.orgId);
  });

  it("two simultaneous accepts of one link create one membership", async () => {
    const { org, token } = await invited("supervisor");
    const results = await Promise.allSettled([
      acceptAsNewUser({ token, name: "Racer", password: "a long enough passphrase" }),
      acceptAsNewUser({ token, name: "Racer", password: "a long enough passphrase" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const db = await getDb();
    const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(memberships).where(and(eq(memberships.organisationId, org.orgId), eq(memberships.role, "supervisor")));
    expect(n.n).toBe(3);
  });

  it("an unknown or malformed token says it isn't recognised", async () => {
    expect((await viewInvitation("x".repeat(43))).state).toBe("unknown");
    expect((await viewInvitation("../../etc")).state).toBe("unknown");
  });
});
