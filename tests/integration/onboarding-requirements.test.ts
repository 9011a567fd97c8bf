import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, memberships, outbox, reminderLog } from "@/db/schema";
import { json } from "@/lib/util/json-cell";
import { orgRequirements, orgRequirementsOfMembership } from "@/lib/onboarding/requirement-resolution";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { getChecklist } from "@/lib/onboarding/checklist";
import { DAY_MS, endOfDay } from "@/lib/onboarding/due";
import { saveMyProfile } from "@/lib/onboarding/profile";
import { runReminders } from "@/lib/onboarding/reminders";
import { createRequirement, deleteRequirement, listMyRequirements, listRequirements } from "@/lib/onboarding/requirements";
import { createCohort, setCohortArchived, setCohortMembership } from "@/lib/orgs/cohorts";
import { createOrg } from "../fixtures/factory";
import { curriculumModule, giveCertificate, insertCase, setJoinedAt, startModule } from "../fixtures/onboarding";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

describe("required modules", () => {
  it("apply by role and by cohort, resolve due dates, and take the earliest when several apply", async () => {
    const org = await createOrg("Req");
    const admin = ctxOf(org, org.admin);
    const m1 = await curriculumModule(0);
    const m2 = await curriculumModule(1);
    const joined = new Date("2027-02-01T00:00:00Z");
    await setJoinedAt(org.trainee.membershipId, joined);
    await createRequirement(admin, { moduleId: m1.id, role: "trainee", cohortId: null, dueOn: null, dueDays: 30 });
    const cohort = await createCohort(admin, { name: "2027 intake" });
    await setCohortMembership(admin, { membershipId: org.trainee.membershipId, cohortId: cohort.id, member: true });
    await createRequirement(admin, { moduleId: m1.id, role: null, cohortId: cohort.id, dueOn: null, dueDays: 10 });
    await createRequirement(admin, { moduleId: m2.id, role: null, cohortId: cohort.id, dueOn: "2027-06-30", dueDays: null });

    const mine = await listMyRequirements(ctxOf(org, org.trainee));
    const byId = new Map(mine.map((r) => [r.moduleId, r.dueAt?.toISOString()]));
    expect(byId.get(m1.id)).toBe(new Date(joined.getTime() + 10 * DAY_MS).toISOString());
    expect(byId.get(m2.id)).toBe(endOfDay("2027-06-30").toISOString());
    expect(mine).toHaveLength(2);
    expect(await listMyRequirements(ctxOf(org, org.otherTrainee))).toEqual([{ moduleId: m1.id, dueAt: expect.any(Date) }]);
    expect(await listMyRequirements(ctxOf(org, org.supervisor))).toEqual([]);
    expect(await listRequirements(admin)).toHaveLength(3);

    // The checklist reads the same requirements as a json column with the member's row.
    const db = await getDb();
    const [row] = await db
      .select({ reqs: orgRequirementsOfMembership })
      .from(memberships)
      .where(eq(memberships.id, org.trainee.membershipId));
    expect(json(row.reqs)).toEqual(await orgRequirements(db, org.orgId));
  });

  it("refuses a duplicate, another org's cohort and non-admins; removal is audited and scoped", async () => {
    const a = await createOrg("ReqA");
    const b = await createOrg("ReqB");
    const mod = await curriculumModule(0);
    const admin = ctxOf(a, a.admin);
    const req = await createRequirement(admin, { moduleId: mod.id, role: "supervisor", cohortId: null, dueOn: "2027-12-01", dueDays: null });
    await expect(createRequirement(admin, { moduleId: mod.id, role: "supervisor", cohortId: null, dueOn: null, dueDays: 5 })).rejects.toBeInstanceOf(ValidationError);
    const bCohort = await createCohort(ctxOf(b, b.admin), { name: "B only" });
    await expect(createRequirement(admin, { moduleId: mod.id, role: null, cohortId: bCohort.id, dueOn: null, dueDays: 5 })).rejects.toBeInstanceOf(ValidationError);
    await expect(createRequirement(ctxOf(a, a.supervisor), { moduleId: mod.id, role: "trainee", cohortId: null, dueOn: null, dueDays: 5 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteRequirement(ctxOf(b, b.admin), { id: req.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteRequirement(ctxOf(a, a.trainee), { id: req.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await listRequirements(ctxOf(b, b.admin))).toEqual([]);
    expect(await listRequirements(admin)).toHaveLength(1);
    await deleteRequirement(admin, { id: req.id });
    expect(await listRequirements(admin)).toEqual([]);
    const db = await getDb();
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.targetId, req.id))).map((e) => e.action).sort();
    expect(actions).toEqual(["requirement.created", "requirement.removed"]);
  });
});

describe("onboarding checklist", () => {
  it("lists profile, required modules with status and due date, and a first case for trainees, until done", async () => {
    const org = await createOrg("Check");
    const admin = ctxOf(org, org.admin);
    const mod = await curriculumModule(0);
    await createRequirement(admin, { moduleId: mod.id, role: "trainee", cohortId: null, dueOn: null, dueDays: 14 });
    const trainee = ctxOf(org, org.trainee);
    let list = await getChecklist(trainee);
    expect(list.items.map((i) => [i.kind, i.done])).toEqual([["profile", false], ["module", false], ["first_case", false]]);
    expect(list.items[1]).toMatchObject({ status: "not_started", label: mod.title, href: `/modules/${mod.slug}` });
    await startModule(org.orgId, org.trainee.membershipId, mod.id);
    expect((await getChecklist(trainee)).items[1]).toMatchObject({ status: "in_progress" });
    await saveMyProfile(trainee, { position: "Counselling student", pronouns: "she/her" });
    await giveCertificate(org.orgId, org.trainee, mod.id);
    await insertCase(org.orgId, org.trainee, "draft");
    list = await getChecklist(trainee);
    expect(list).toMatchObject({ complete: true, done: 3, total: 3 });
    // Supervisors have no case item; their profile is their own.
    const sup = await getChecklist(ctxOf(org, org.supervisor));
    expect(sup.items.map((i) => i.kind)).toEqual(["profile"]);
    expect(sup.complete).toBe(false);
  });

  it("lists a cohort's required module for its members only, and drops it once the cohort is archived", async () => {
    const org = await createOrg("CohortList");
    const admin = ctxOf(org, org.admin);
    const mod = await curriculumModule(1);
    const cohort = await createCohort(admin, { name: "Cohort checklist" });
    await createRequirement(admin, { moduleId: mod.id, role: null, cohortId: cohort.id, dueOn: null, dueDays: 30 });
    const modules = async (who: typeof org.trainee) => (await getChecklist(ctxOf(org, who))).items.filter((i) => i.kind === "module").map((i) => i.label);
    expect(await modules(org.trainee)).toEqual([]);
    await setCohortMembership(admin, { membershipId: org.trainee.membershipId, cohortId: cohort.id, member: true });
    expect(await modules(org.trainee)).toEqual([mod.title]);
    expect(await modules(org.otherTrainee)).toEqual([]);
    await setCohortArchived(admin, { id: cohort.id, archived: true, version: 0 });
    expect(await modules(org.trainee)).toEqual([]);
  });

  it("shows an overdue module as overdue", async () => {
    const org = await createOrg("Overdue");
    const mod = await curriculumModule(0);
    await createRequirement(ctxOf(org, org.admin), { moduleId: mod.id, role: "trainee", cohortId: null, dueOn: "2020-01-31", dueDays: null });
    const item = (await getChecklist(ctxOf(org, org.trainee))).items.find((i) => i.kind === "module");
    expect(item).toMatchObject({ status: "overdue", done: false, dueAt: endOfDay("2020-01-31") });
  });
});

describe("reminders", () => {
  it("queue one email per person per overdue or soon-due item, never twice on the same day", async () => {
    const org = await createOrg("Remind");
    const admin = ctxOf(org, org.admin);
    const overdue = await curriculumModule(0);
    const soon = await curriculumModule(1);
    const later = await curriculumModule(2);
    const done = await curriculumModule(3);
    const now = new Date();
    await setJoinedAt(org.trainee.membershipId, new Date(now.getTime() - 20 * DAY_MS));
    await setJoinedAt(org.otherTrainee.membershipId, new Date(now.getTime() - 20 * DAY_MS));
    await createRequirement(admin, { moduleId: overdue.id, role: "trainee", cohortId: null, dueOn: null, dueDays: 10 });
    await createRequirement(admin, { moduleId: soon.id, role: "trainee", cohortId: null, dueOn: null, dueDays: 22 });
    await createRequirement(admin, { moduleId: later.id, role: "trainee", cohortId: null, dueOn: null, dueDays: 60 });
    await createRequirement(admin, { moduleId: done.id, role: "trainee", cohortId: null, dueOn: null, dueDays: 1 });
    await giveCertificate(org.orgId, org.trainee, done.id);
    await giveCertificate(org.orgId, org.otherTrainee, done.id);
    await giveCertificate(org.orgId, org.otherTrainee, overdue.id);

    await runReminders({ now });
    const db = await getDb();
    const mails = async () => db.select().from(outbox).where(and(eq(outbox.organisationId, org.orgId), sql`${outbox.kind} like 'reminder.%'`));
    const first = await mails();
    const summary = first.map((m) => `${m.to}|${m.kind}|${m.subject}`).sort();
    expect(summary).toEqual(
      [
        `${org.trainee.email}|reminder.overdue|Overdue: ${overdue.title}`,
        `${org.trainee.email}|reminder.due_soon|Due soon: ${soon.title}`,
        `${org.otherTrainee.email}|reminder.due_soon|Due soon: ${soon.title}`,
      ].sort(),
    );
    // A second run (and a concurrent pair) on the same day sends nothing more.
    await Promise.all([runReminders({ now }), runReminders({ now: new Date(now.getTime() + 60_000) })]);
    expect(await mails()).toHaveLength(3);
    const logged = await db.select().from(reminderLog).where(eq(reminderLog.organisationId, org.orgId));
    expect(logged).toHaveLength(3);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "reminders.sent")));
    expect(events).toHaveLength(1);
    expect(events[0].detail).toMatchObject({ count: 3, overdue: 1 });
    // The next day, the still-unfinished items are reminded again.
    await runReminders({ now: new Date(now.getTime() + DAY_MS) });
    expect((await mails()).length).toBeGreaterThan(3);
  });

  it("skip deactivated members", async () => {
    const org = await createOrg("RemindOff");
    const mod = await curriculumModule(0);
    await createRequirement(ctxOf(org, org.admin), { moduleId: mod.id, role: "supervisor", cohortId: null, dueOn: "2020-01-01", dueDays: null });
    const db = await getDb();
    await db.execute(sql`update memberships set status = 'deactivated' where id = ${org.otherSupervisor.membershipId}`);
    await runReminders();
    const mails = await db.select().from(outbox).where(and(eq(outbox.organisationId, org.orgId), sql`${outbox.kind} like 'reminder.%'`));
    expect(mails.map((m) => m.to)).toEqual([org.supervisor.email]);
  });
});

describe("case log item", () => {
  it("counts only the trainee's own cases in their own organisation", async () => {
    const a = await createOrg("CaseA");
    const b = await createOrg("CaseB");
    await insertCase(b.orgId, b.trainee);
    await insertCase(a.orgId, a.otherTrainee);
    const item = (await getChecklist(ctxOf(a, a.trainee))).items.find((i) => i.kind === "first_case");
    expect(item?.done).toBe(false);
  });
});
