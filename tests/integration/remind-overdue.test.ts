import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, notifications, outbox } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { countOverdueByModule, remindOverdue } from "@/lib/onboarding/remind-overdue";
import { createRequirement } from "@/lib/onboarding/requirements";
import { createOrg } from "../fixtures/factory";
import { curriculumModule, giveCertificate } from "../fixtures/onboarding";
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
});
