import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, cohortMembers, cohorts, notifications, outbox } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { countOverdueByModule, OVERDUE_FRESH_MS, OVERDUE_KEEP_MS, overdueForReport, remindOverdue } from "@/lib/onboarding/remind-overdue";
import { countQueries } from "@/db/query-count";
import { createRequirement, deleteRequirement } from "@/lib/onboarding/requirements";
import { createOrg } from "../fixtures/factory";
import { createCohortRow, curriculumModule, giveCertificate, requireModule, setJoinedAt } from "../fixtures/onboarding";
import { disableUser } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

// Due on 1 December 2027; "now" is a day later, so every trainee without the certificate is overdue.
const LATER = new Date("2027-12-02T12:00:00Z");

describe("an admin reminds everyone overdue on a module", () => {
  it("reminds the overdue trainees once a day, in app and by email, audited, and counts them by module", async () => {
    const org = await createOrg("Remind");
    const admin = ctxOf(org, org.admin);
    const mod = await curriculumModule(0);
    await createRequirement(admin, { moduleId: mod.id, role: "trainee", cohortId: null, dueOn: "2027-12-01", dueDays: null });
    await giveCertificate(org.orgId, org.otherTrainee, mod.id);

    expect(await countOverdueByModule(admin, LATER)).toEqual([{ moduleId: mod.id, title: mod.title, overdue: 1 }]);
    expect(await countOverdueByModule(admin, new Date("2027-11-01T00:00:00Z"))).toEqual([]);
    expect(await countOverdueByModule(admin, LATER, mod.id)).toEqual([{ moduleId: mod.id, title: mod.title, overdue: 1 }]);

    expect(await remindOverdue(admin, { moduleId: mod.id }, LATER)).toEqual({ reminded: 1, alreadyToday: 0 });
    const db = await getDb();
    const sent = await db.select().from(notifications).where(and(eq(notifications.organisationId, org.orgId), eq(notifications.kind, "module_overdue")));
    expect(sent.map((n) => n.recipientMembershipId)).toEqual([org.trainee.membershipId]);
    expect(sent[0].title).toContain(mod.title);
    const mail = await db.select().from(outbox).where(and(eq(outbox.organisationId, org.orgId), eq(outbox.kind, "reminder.overdue")));
    expect(mail.map((m) => m.to)).toEqual([org.trainee.email]);
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "reminders.sent_overdue")));
    expect(event).toMatchObject({ actorUserId: org.admin.userId, targetType: "module", targetId: mod.id });

    // The same day again: nobody is reminded twice.
    expect(await remindOverdue(admin, { moduleId: mod.id }, LATER)).toEqual({ reminded: 0, alreadyToday: 1 });
    expect(await db.select().from(notifications).where(and(eq(notifications.organisationId, org.orgId), eq(notifications.kind, "module_overdue")))).toHaveLength(1);
  });

  it("says so when nobody is overdue, and is an admin's alone", async () => {
    const a = await createOrg("RemindA");
    const b = await createOrg("RemindB");
    const mod = await curriculumModule(1);
    await createRequirement(ctxOf(a, a.admin), { moduleId: mod.id, role: "trainee", cohortId: null, dueOn: "2027-12-01", dueDays: null });
    // Another organisation's admin sees nobody of A's: there is nothing to remind in B.
    await expect(remindOverdue(ctxOf(b, b.admin), { moduleId: mod.id }, LATER)).rejects.toBeInstanceOf(ValidationError);
    await expect(remindOverdue(ctxOf(a, a.admin), { moduleId: mod.id }, new Date("2027-11-01T00:00:00Z"))).rejects.toThrow(/Nobody is overdue/);
    await expect(remindOverdue(ctxOf(a, a.trainee), { moduleId: mod.id }, LATER)).rejects.toBeInstanceOf(NotFoundError);
    await expect(remindOverdue(ctxOf(a, a.supervisor), { moduleId: mod.id }, LATER)).rejects.toBeInstanceOf(NotFoundError);
    await expect(remindOverdue(ctxOf(a, a.admin), { moduleId: "00000000-0000-4000-8000-000000000000" }, LATER)).rejects.toBeInstanceOf(NotFoundError);
    const db = await getDb();
    expect(await db.select().from(notifications).where(and(eq(notifications.organisationId, a.orgId), eq(notifications.kind, "module_overdue")))).toHaveLength(0);
  });

  it("counts by module in one statement what each person's requirements say (role, current cohort, earliest due date, completions)", async () => {
    const org = await createOrg("RemindCount");
    const admin = ctxOf(org, org.admin);
    const db = await getDb();
    const [m0, m1, m2] = await Promise.all([curriculumModule(0), curriculumModule(1), curriculumModule(2)]);
    // m0: trainees, 30 days after joining. The trainee joined long ago (overdue); otherTrainee just now (not yet).
    await requireModule(org.orgId, m0.id, { role: "trainee", dueDays: 30 });
    await setJoinedAt(org.trainee.membershipId, new Date("2027-01-01T00:00:00Z"));
    await setJoinedAt(org.otherTrainee.membershipId, new Date("2027-11-20T00:00:00Z"));
    // m1: a cohort holding otherTrainee and the supervisor, due 1 December; an archived cohort holding the trainee.
    const current = await createCohortRow(org.orgId, "Current");
    const archived = await createCohortRow(org.orgId, "Archived");
    await db.update(cohorts).set({ archivedAt: new Date("2027-06-01T00:00:00Z") }).where(eq(cohorts.id, archived.id));
    await db.insert(cohortMembers).values([
      { organisationId: org.orgId, cohortId: current.id, membershipId: org.otherTrainee.membershipId },
      { organisationId: org.orgId, cohortId: current.id, membershipId: org.supervisor.membershipId },
      { organisationId: org.orgId, cohortId: archived.id, membershipId: org.trainee.membershipId },
    ]);
    await requireModule(org.orgId, m1.id, { cohortId: current.id, dueOn: "2027-12-01" });
    await requireModule(org.orgId, m1.id, { cohortId: archived.id, dueOn: "2027-12-01" });
    // m2: trainees far in the future, but the current cohort earlier: the earliest date wins for otherTrainee only.
    await requireModule(org.orgId, m2.id, { role: "trainee", dueOn: "2030-01-01" });
    await requireModule(org.orgId, m2.id, { cohortId: current.id, dueOn: "2027-11-15" });
    // The supervisor completed m1; a disabled member is nobody's concern.
    await giveCertificate(org.orgId, org.supervisor, m1.id);
    await requireModule(org.orgId, m0.id, { role: "org_admin", dueDays: 1 });
    await setJoinedAt(org.admin.membershipId, new Date("2027-01-01T00:00:00Z"));
    await disableUser(org.admin.userId);

    const counts = await countOverdueByModule(admin, LATER);
    expect(new Map(counts.map((c) => [c.moduleId, c.overdue]))).toEqual(
      new Map([
        [m0.id, 1], // the trainee (otherTrainee joined 12 days ago; the admin is disabled)
        [m1.id, 1], // otherTrainee (the supervisor is complete; the trainee's cohort is archived)
        [m2.id, 2], // otherTrainee (the cohort's earlier date wins over the trainees' 2030) and the supervisor, in that cohort
      ]),
    );
    // The end of the due day in the organisation's zone: not overdue at 23:00 Sydney on the day, overdue just after midnight.
    expect(await countOverdueByModule(admin, new Date("2027-12-01T12:00:00Z"), m1.id)).toEqual([]);
    expect(await countOverdueByModule(admin, new Date("2027-12-01T13:00:01Z"), m1.id)).toEqual([{ moduleId: m1.id, title: m1.title, overdue: 1 }]);
    // The per-person path that sends the reminders agrees with the count for every module.
    for (const c of counts) expect((await remindOverdue(admin, { moduleId: c.moduleId }, LATER)).reminded).toBe(c.overdue);
  });
});

describe("the completion report's overdue counts", () => {
  it("are counted once, then served from memory; changing a requirement forgets them; each organisation has its own", async () => {
    const org = await createOrg("OverdueMemo");
    const admin = ctxOf(org, org.admin);
    const [m0, m1] = [await curriculumModule(0), await curriculumModule(1)];
    const req = await createRequirement(admin, { moduleId: m0.id, role: "trainee", cohortId: null, dueOn: "2024-03-01", dueDays: null });

    const first = await countQueries(() => overdueForReport(admin));
    expect(first.count).toBeGreaterThan(0);
    expect(first.result.counts).toEqual([{ moduleId: m0.id, title: m0.title, overdue: 2 }]);
    expect(first.result.counts).toEqual(await countOverdueByModule(admin));
    const again = await countQueries(() => overdueForReport(admin));
    expect(again.count).toBe(0);
    expect(again.result).toEqual(first.result);

    // A row written behind the app's back is not seen while the count is fresh...
    await requireModule(org.orgId, m1.id, { role: "trainee", dueOn: "2024-03-01" });
    expect((await overdueForReport(admin)).counts).toEqual(first.result.counts);
    // ...but a requirement changed through the app forgets the organisation's counts at once.
    await deleteRequirement(admin, { id: req.id });
    expect((await overdueForReport(admin)).counts).toEqual([{ moduleId: m1.id, title: m1.title, overdue: 2 }]);

    // Another organisation's admin gets their own counts; a trainee gets nothing.
    const other = await createOrg("OverdueMemoOther");
    expect((await overdueForReport(ctxOf(other, other.admin))).counts).toEqual([]);
    await expect(overdueForReport(ctxOf(org, org.trainee))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("serves a stale count at once while one recount runs, and counts afresh once the count is too old to show", async () => {
    const org = await createOrg("OverdueStale");
    const admin = ctxOf(org, org.admin);
    const mod = await curriculumModule(2);
    await requireModule(org.orgId, mod.id, { role: "trainee", dueOn: "2024-03-01" });
    const first = await overdueForReport(admin, mod.id);
    expect(first.counts).toEqual([{ moduleId: mod.id, title: mod.title, overdue: 2 }]);

    await giveCertificate(org.orgId, org.trainee, mod.id);
    const stale = await overdueForReport(admin, mod.id, first.countedAt.getTime() + OVERDUE_FRESH_MS + 1);
    expect(stale).toEqual(first);
    await vi.waitFor(async () => expect((await overdueForReport(admin, mod.id)).counts).toEqual([{ moduleId: mod.id, title: mod.title, overdue: 1 }]));

    await giveCertificate(org.orgId, org.otherTrainee, mod.id);
    const latest = await overdueForReport(admin, mod.id);
    const tooOld = await countQueries(() => overdueForReport(admin, mod.id, latest.countedAt.getTime() + OVERDUE_KEEP_MS + 1));
    expect(tooOld.count).toBeGreaterThan(0);
    expect(tooOld.result.counts).toEqual([]);
  });
});
