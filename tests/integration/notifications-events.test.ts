import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { cohortMembers, notifications, outbox } from "@/db/schema";
import { acceptAsNewUser } from "@/lib/onboarding/accept";
import { DAY_MS } from "@/lib/onboarding/due";
import { inviteOne } from "@/lib/onboarding/invitations";
import { runReminders } from "@/lib/onboarding/reminders";
import { createRequirement } from "@/lib/onboarding/requirements";
import { runDigest } from "@/lib/notifications/digest";
import { listInbox } from "@/lib/notifications/inbox";
import { setPreferences } from "@/lib/notifications/preferences";
import { createOrg, uid, type TestOrg, type TestUser } from "../fixtures/factory";
import { createCohortRow, curriculumModule, latestEmail, setJoinedAt, tokenFrom } from "../fixtures/onboarding";
import { ctxOf, withDatabase } from "./helpers";

// The events of issue 13 that live in onboarding: an invitation accepted, a module made
// required, and the due / overdue reminders (in-app beside the reminder email, never twice).

withDatabase();

const inbox = async (org: TestOrg, p: TestUser) => (await listInbox(ctxOf(org, p))).rows;

async function mails(org: TestOrg, p: TestUser, kindLike: string) {
  const db = await getDb();
  return db.select().from(outbox).where(and(eq(outbox.organisationId, org.orgId), eq(outbox.to, p.email), sql`${outbox.kind} like ${kindLike}`));
}

describe("invitation accepted", () => {
  it("tells the admin who sent it, once, linking to the new member", async () => {
    const org = await createOrg("EvInvite");
    const email = `joiner.${uid()}@test.example`;
    await inviteOne(ctxOf(org, org.admin), { email, name: "Nia", role: "trainee", supervisorMembershipId: null, cohortId: null });
    const token = tokenFrom((await latestEmail(org.orgId, email)).text);
    const joined = await acceptAsNewUser({ token, name: "Nia Okafor", password: "a long enough passphrase" });
    const items = await inbox(org, org.admin);
    expect(items.map((i) => [i.kind, i.title, i.href])).toEqual([["invitation_accepted", "Nia Okafor accepted your invitation and joined as a trainee.", `/admin/members/${joined.membershipId}`]]);
    expect(await mails(org, org.admin, "notification.invitation_accepted")).toHaveLength(1);
    // Nobody else in the organisation hears about it.
    expect(await inbox(org, org.supervisor)).toEqual([]);
  });
});

describe("required module assigned", () => {
  it("tells every active member with the role, and only them", async () => {
    const org = await createOrg("EvAssign");
    const mod = await curriculumModule(0);
    await createRequirement(ctxOf(org, org.admin), { moduleId: mod.id, role: "trainee", cohortId: null, dueOn: "2099-03-01", dueDays: null });
    for (const p of [org.trainee, org.otherTrainee]) {
      const items = await inbox(org, p);
      expect(items.map((i) => [i.kind, i.title, i.href])).toEqual([["module_assigned", `“${mod.title}” is now required for you, due 1 March 2099.`, `/modules/${mod.slug}`]]);
    }
    for (const p of [org.supervisor, org.admin]) expect(await inbox(org, p)).toEqual([]);
  });

  it("tells a cohort's members, with each one's own due date", async () => {
    const org = await createOrg("EvCohort");
    const mod = await curriculumModule(1);
    const cohort = await createCohortRow(org.orgId, `Intake ${uid()}`);
    const db = await getDb();
    await db.insert(cohortMembers).values({ organisationId: org.orgId, cohortId: cohort.id, membershipId: org.otherTrainee.membershipId });
    await setJoinedAt(org.otherTrainee.membershipId, new Date("2030-01-10T00:00:00Z"));
    await createRequirement(ctxOf(org, org.admin), { moduleId: mod.id, role: null, cohortId: cohort.id, dueOn: null, dueDays: 10 });
    expect((await inbox(org, org.otherTrainee)).map((i) => i.title)).toEqual([`“${mod.title}” is now required for you, due 20 January 2030.`]);
    expect(await inbox(org, org.trainee)).toEqual([]);
  });
});

describe("module due and overdue reminders", () => {
  it("add an in-app notification beside the reminder email, and the preference decides the email", async () => {
    const org = await createOrg("EvRemind");
    const overdue = await curriculumModule(0);
    const now = new Date();
    for (const p of [org.trainee, org.otherTrainee, org.supervisor]) await setJoinedAt(p.membershipId, new Date(now.getTime() - 20 * DAY_MS));
    await createRequirement(ctxOf(org, org.admin), { moduleId: overdue.id, role: "trainee", cohortId: null, dueOn: null, dueDays: 10 });
    await createRequirement(ctxOf(org, org.admin), { moduleId: (await curriculumModule(1)).id, role: "supervisor", cohortId: null, dueOn: null, dueDays: 10 });
    await setPreferences(ctxOf(org, org.otherTrainee), { module_overdue: "in_app" });
    await setPreferences(ctxOf(org, org.supervisor), { module_overdue: "digest" });

    const run = await runReminders({ now });
    expect(run.notified).toBeGreaterThanOrEqual(3);
    for (const p of [org.trainee, org.otherTrainee, org.supervisor]) {
      const reminders = (await inbox(org, p)).filter((i) => i.kind === "module_overdue");
      expect(reminders, p.name).toHaveLength(1);
      expect(reminders[0].title).toMatch(/^“.+” was due on .+ and isn't complete yet\.$/);
      expect(reminders[0].href).toBe("/onboarding");
    }
    // Default (email): the existing reminder email, exactly once and not also a generic one.
    expect((await mails(org, org.trainee, "reminder.%")).map((m) => m.subject)).toEqual([`Overdue: ${overdue.title}`]);
    expect(await mails(org, org.trainee, "notification.module_overdue")).toEqual([]);
    // In-app only: no email; daily digest: no reminder email now.
    expect(await mails(org, org.otherTrainee, "%overdue")).toEqual([]);
    expect(await mails(org, org.supervisor, "reminder.%")).toEqual([]);

    // The same day again: nothing new anywhere.
    const again = await runReminders({ now: new Date(now.getTime() + 60_000) });
    expect(again.queued).toBe(0);
    const db = await getDb();
    const count = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(and(eq(notifications.organisationId, org.orgId), inArray(notifications.kind, ["module_due", "module_overdue"])));
    expect(count[0].n).toBe(3);

    // The supervisor's reminder arrives in the next digest instead.
    await runDigest(new Date(now.getTime() + DAY_MS));
    const digest = await mails(org, org.supervisor, "notification.digest");
    expect(digest).toHaveLength(1);
    expect(digest[0].text).toMatch(/was due on .+ and isn't complete yet\./);
  });
});
