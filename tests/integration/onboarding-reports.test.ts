import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { pgError } from "@/lib/core/db-errors";
import { NotFoundError } from "@/lib/core/errors";
import { DAY_MS } from "@/lib/onboarding/due";
import { createRequirement } from "@/lib/onboarding/requirements";
import { createCohort, setCohortMembership } from "@/lib/orgs/cohorts";
import { changeRole } from "@/lib/orgs/members";
import { listAuditActions, listAuditEvents } from "@/lib/reports/audit-log";
import { getCompletionMatrix } from "@/lib/reports/completion";
import { getSupervisionActivity } from "@/lib/reports/supervision";
import { createOrg } from "../fixtures/factory";
import { curriculumModule, giveCertificate, insertCase, setJoinedAt, startModule } from "../fixtures/onboarding";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

describe("completion matrix", () => {
  it("shows members by required modules as complete, in progress, overdue or not started, with filters", async () => {
    const org = await createOrg("Matrix");
    const admin = ctxOf(org, org.admin);
    const m1 = await curriculumModule(0);
    const m2 = await curriculumModule(1);
    await createRequirement(admin, { moduleId: m1.id, role: "trainee", cohortId: null, dueOn: null, dueDays: 5 });
    const cohort = await createCohort(admin, { name: "Intake" });
    await setCohortMembership(admin, { membershipId: org.otherTrainee.membershipId, cohortId: cohort.id, member: true });
    await createRequirement(admin, { moduleId: m2.id, role: null, cohortId: cohort.id, dueOn: "2099-01-01", dueDays: null });
    await setJoinedAt(org.otherTrainee.membershipId, new Date(Date.now() - 30 * DAY_MS));
    await giveCertificate(org.orgId, org.trainee, m1.id);
    await startModule(org.orgId, org.otherTrainee.membershipId, m2.id);

    const all = await getCompletionMatrix(admin, {});
    expect(all.modules.map((m) => m.id)).toEqual(expect.arrayContaining([m1.id, m2.id]));
    const row = (id: string) => all.rows.find((r) => r.membershipId === id)!;
    expect(row(org.trainee.membershipId).cells[m1.id]?.status).toBe("complete");
    expect(row(org.trainee.membershipId).cells[m2.id]).toBeUndefined();
    expect(row(org.otherTrainee.membershipId).cells[m1.id]?.status).toBe("overdue");
    expect(row(org.otherTrainee.membershipId).cells[m2.id]?.status).toBe("in_progress");
    expect(row(org.otherTrainee.membershipId).cohorts).toEqual(["Intake"]);
    expect(all.rows).toHaveLength(5);

    const overdue = await getCompletionMatrix(admin, { status: "overdue" });
    expect(overdue.rows.map((r) => r.membershipId)).toEqual([org.otherTrainee.membershipId]);
    expect((await getCompletionMatrix(admin, { cohortId: cohort.id })).rows.map((r) => r.membershipId)).toEqual([org.otherTrainee.membershipId]);
    expect((await getCompletionMatrix(admin, { role: "supervisor" })).rows).toHaveLength(2);
    const one = await getCompletionMatrix(admin, { moduleId: m2.id });
    expect(one.modules.map((m) => m.id)).toEqual([m2.id]);
  });

  it("paginates by key", async () => {
    const org = await createOrg("MatrixPage");
    const admin = ctxOf(org, org.admin);
    const p1 = await getCompletionMatrix(admin, {}, { pageSize: 2 });
    expect(p1.rows).toHaveLength(2);
    const p2 = await getCompletionMatrix(admin, {}, { pageSize: 2, after: p1.next! });
    const p3 = await getCompletionMatrix(admin, {}, { pageSize: 2, after: p2.next! });
    expect(p3.next).toBeNull();
    const ids = [...p1.rows, ...p2.rows, ...p3.rows].map((r) => r.membershipId);
    expect(new Set(ids).size).toBe(5);
  });

  it("is for this organisation's admins only", async () => {
    const a = await createOrg("MatrixA");
    const b = await createOrg("MatrixB");
    await expect(getCompletionMatrix(ctxOf(a, a.supervisor), {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCompletionMatrix(ctxOf(a, a.trainee), {})).rejects.toBeInstanceOf(NotFoundError);
    const bView = await getCompletionMatrix(ctxOf(b, b.admin), { q: a.trainee.name });
    expect(bView.rows).toEqual([]);
  });
});

describe("supervision activity", () => {
  it("counts each supervisor's waiting cases and the age of the oldest", async () => {
    const org = await createOrg("Activity");
    const old = new Date(Date.now() - 5 * DAY_MS);
    await insertCase(org.orgId, org.trainee, "submitted", old);
    await insertCase(org.orgId, org.trainee, "submitted", new Date());
    await insertCase(org.orgId, org.trainee, "draft");
    await insertCase(org.orgId, org.otherTrainee, "submitted", new Date(Date.now() - 9 * DAY_MS)); // unassigned trainee
    const rows = await getSupervisionActivity(ctxOf(org, org.admin));
    const sup = rows.find((r) => r.membershipId === org.supervisor.membershipId)!;
    expect(sup).toMatchObject({ trainees: 1, queue: 2 });
    expect(Math.abs(sup.oldestSubmittedAt!.getTime() - old.getTime())).toBeLessThan(1000);
    expect(rows.find((r) => r.membershipId === org.otherSupervisor.membershipId)).toMatchObject({ trainees: 0, queue: 0, oldestSubmittedAt: null });
    await expect(getSupervisionActivity(ctxOf(org, org.supervisor))).rejects.toBeInstanceOf(NotFoundError);
    const other = await createOrg("Activity2");
    expect((await getSupervisionActivity(ctxOf(other, other.admin))).map((r) => r.membershipId)).not.toContain(org.supervisor.membershipId);
  });
});

describe("audit log", () => {
  it("filters by person, action and date, pages by key, and stays within the organisation", async () => {
    const a = await createOrg("AuditA");
    const b = await createOrg("AuditB");
    const admin = ctxOf(a, a.admin);
    await changeRole(admin, { membershipId: a.otherTrainee.membershipId, role: "supervisor", version: 0 });
    await createCohort(admin, { name: "Audit cohort" });
    await changeRole(ctxOf(b, b.admin), { membershipId: b.otherTrainee.membershipId, role: "supervisor", version: 0 });
    const mine = await listAuditEvents(admin, { action: "member.role_changed" });
    expect(mine.rows.map((r) => r.targetId)).toEqual([a.otherTrainee.membershipId]);
    expect(mine.rows[0]).toMatchObject({ actorName: a.admin.name, actorEmail: a.admin.email });
    expect((await listAuditEvents(admin, { person: a.admin.email.toUpperCase() })).rows.length).toBeGreaterThan(0);
    expect((await listAuditEvents(admin, { person: b.admin.email })).rows).toEqual([]);
    expect((await listAuditEvents(admin, { from: "2000-01-01", to: "2000-12-31" })).rows).toEqual([]);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Australia/Sydney" }).format(new Date());
    expect((await listAuditEvents(admin, { from: today, to: today, action: "member.role_changed" })).rows).toHaveLength(1);
    expect(await listAuditActions(admin)).toContain("member.role_changed");
    const p1 = await listAuditEvents(admin, {}, { limit: 1 });
    expect(p1.next).not.toBeNull();
    const p2 = await listAuditEvents(admin, {}, { limit: 1, before: p1.next! });
    expect(p2.rows[0].id).toBeLessThan(p1.rows[0].id);
    await expect(listAuditEvents(ctxOf(a, a.supervisor), {})).rejects.toBeInstanceOf(NotFoundError);
    await expect(listAuditEvents(ctxOf(a, a.trainee), {})).rejects.toBeInstanceOf(NotFoundError);
  });

  it("cannot be changed or deleted: the database refuses", async () => {
    const org = await createOrg("AuditRO");
    await changeRole(ctxOf(org, org.admin), { membershipId: org.otherTrainee.membershipId, role: "supervisor", version: 0 });
    const db = await getDb();
    const [ev] = await db.select().from(auditEvents).where(eq(auditEvents.organisationId, org.orgId));
    const err = await db.update(auditEvents).set({ action: "x" }).where(eq(auditEvents.id, ev.id)).then(() => null, (e) => e);
    expect(pgError(err).message).toMatch(/append-only/);
    const del = await db.delete(auditEvents).where(eq(auditEvents.id, ev.id)).then(() => null, (e) => e);
    expect(pgError(del).message).toMatch(/append-only/);
  });
});
