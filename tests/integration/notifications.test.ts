import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { countQueries } from "@/db/query-count";
import { auditEvents, memberships, notifications, outbox } from "@/db/schema";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { DAY_MS } from "@/lib/onboarding/due";
import { runDigest } from "@/lib/notifications/digest";
import { listInbox, markAllRead, markRead, unreadCount } from "@/lib/notifications/inbox";
import { notify, type NewNotification } from "@/lib/notifications/notify";
import { getPreferences, setPreferences } from "@/lib/notifications/preferences";
import { addMember, createOrg, createUser, disableUser, type TestOrg, type TestUser } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

const item = (org: TestOrg, to: TestUser, extra: Partial<NewNotification> & { dedupeKey?: string } = {}): NewNotification & { dedupeKey?: string } => ({
  organisationId: org.orgId,
  recipientMembershipId: to.membershipId,
  kind: "case_submitted",
  title: "A trainee submitted a case for your review.",
  href: "/reviews",
  ...extra,
});

async function send(items: (NewNotification & { dedupeKey?: string })[]) {
  const db = await getDb();
  const pending = await db.transaction((tx) => notify(tx, items));
  await pending.deliver();
  return pending;
}

async function mailsTo(org: TestOrg, person: TestUser) {
  const db = await getDb();
  return db.select().from(outbox).where(and(eq(outbox.organisationId, org.orgId), eq(outbox.to, person.email)));
}

async function rowsFor(person: TestUser) {
  const db = await getDb();
  return db.select().from(notifications).where(eq(notifications.recipientMembershipId, person.membershipId));
}

describe("notify()", () => {
  it("writes in the caller's transaction: one that throws afterwards leaves no notification and no email", async () => {
    const org = await createOrg("NotifyTx");
    const db = await getDb();
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, [item(org, org.supervisor)]);
        throw new Error("the change being announced failed");
      }),
    ).rejects.toThrow("the change being announced failed");
    expect(await rowsFor(org.supervisor)).toEqual([]);
    expect(await mailsTo(org, org.supervisor)).toEqual([]);

    await send([item(org, org.supervisor)]);
    expect(await rowsFor(org.supervisor)).toHaveLength(1);
    const [mail] = await mailsTo(org, org.supervisor);
    expect(mail.subject).toBe("A case is waiting for your review on Rapport");
    expect(mail.kind).toBe("notification.case_submitted");
    expect(mail.text).toContain("A trainee submitted a case for your review.");
    expect(mail.text).toMatch(/Open it on Rapport: http\S+\/reviews\n/);
  });

  it("follows each recipient's preference: in-app only sends no email, digest none until the digest", async () => {
    const org = await createOrg("NotifyPrefs");
    await setPreferences(ctxOf(org, org.supervisor), { case_submitted: "in_app" });
    await setPreferences(ctxOf(org, org.otherSupervisor), { case_submitted: "digest" });
    await send([item(org, org.supervisor), item(org, org.otherSupervisor), item(org, org.admin)]);
    expect((await rowsFor(org.supervisor)).map((r) => r.emailed)).toEqual(["no"]);
    expect((await rowsFor(org.otherSupervisor)).map((r) => r.emailed)).toEqual(["digest"]);
    expect(await mailsTo(org, org.supervisor)).toEqual([]);
    expect(await mailsTo(org, org.otherSupervisor)).toEqual([]);
    expect(await mailsTo(org, org.admin)).toHaveLength(1); // no stored preference: email

    // Today's digest rows wait for the first run after midnight.
    await runDigest(new Date());
    expect(await mailsTo(org, org.otherSupervisor)).toEqual([]);
    const tomorrow = new Date(Date.now() + DAY_MS);
    await runDigest(tomorrow);
    await runDigest(tomorrow);
    const digests = await mailsTo(org, org.otherSupervisor);
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toBe("Your daily summary from Rapport");
    expect(digests[0].text).toContain("A trainee submitted a case for your review.");
    expect(await mailsTo(org, org.supervisor)).toEqual([]);
  });

  it("emails a safety notification at once even when the person chose in-app only for everything", async () => {
    const org = await createOrg("NotifySafety");
    await expect(setPreferences(ctxOf(org, org.supervisor), { case_risk: "in_app" })).rejects.toBeInstanceOf(ValidationError);
    const db = await getDb();
    // Even a stored row (written behind the data layer's back) can't silence it.
    await db.execute(sql`insert into notification_preferences (organisation_id, membership_id, kind, channel) values (${org.orgId}, ${org.supervisor.membershipId}, 'case_risk', 'in_app')`);
    expect((await getPreferences(ctxOf(org, org.supervisor))).case_risk).toBe("email");
    await send([item(org, org.supervisor, { kind: "case_risk", title: "A case you supervise mentions possible risk.", href: "/reviews" })]);
    const mails = await mailsTo(org, org.supervisor);
    expect(mails.map((m) => m.subject)).toEqual(["A case needs your prompt attention on Rapport"]);
  });

  it("does nothing the second time for the same dedupe key", async () => {
    const org = await createOrg("NotifyDedupe");
    const once = item(org, org.supervisor, { subjectType: "case", subjectId: "case-1", dedupeKey: "submission-1" });
    await send([once, once]);
    await send([once]);
    await send([{ ...once, subjectId: undefined }]);
    await send([{ ...once, subjectId: undefined }]);
    expect(await rowsFor(org.supervisor)).toHaveLength(2);
    expect(await mailsTo(org, org.supervisor)).toHaveLength(2);
    await send([{ ...once, dedupeKey: "submission-2" }]);
    expect(await rowsFor(org.supervisor)).toHaveLength(3);
  });

  it("skips deactivated members, disabled accounts and recipients outside the item's organisation", async () => {
    const org = await createOrg("NotifySkip");
    const other = await createOrg("NotifySkipOther");
    const db = await getDb();
    await db.update(memberships).set({ status: "deactivated" }).where(eq(memberships.id, org.otherTrainee.membershipId));
    await disableUser(org.otherSupervisor.userId);
    await send([item(org, org.otherTrainee), item(org, org.otherSupervisor), item(org, other.supervisor), item(org, org.supervisor)]);
    for (const p of [org.otherTrainee, org.otherSupervisor, other.supervisor]) expect(await rowsFor(p)).toEqual([]);
    expect(await rowsFor(org.supervisor)).toHaveLength(1);
  });

  it("keeps links on this site", async () => {
    const org = await createOrg("NotifyHref");
    await send([item(org, org.supervisor, { href: "https://evil.example/phish" }), item(org, org.trainee, { href: "//evil.example" })]);
    expect((await rowsFor(org.supervisor))[0].href).toBe("/inbox");
    expect((await rowsFor(org.trainee))[0].href).toBe("/inbox");
    expect((await mailsTo(org, org.supervisor))[0].text).not.toContain("evil.example");
  });

  it("fans out to 50 recipients in the same few statements as to 5", async () => {
    const org = await createOrg("NotifyFan");
    const people: TestUser[] = [];
    for (let i = 0; i < 50; i++) {
      const u = await createUser(`Fan ${i}`);
      const m = await addMember(org.orgId, u.id, "supervisor");
      people.push({ userId: u.id, membershipId: m.id, email: u.email, name: u.name, role: "supervisor" });
    }
    await setPreferences(ctxOf(org, people[0]), { case_submitted: "in_app" });
    const db = await getDb();
    const run = (list: TestUser[]) => countQueries(() => db.transaction((tx) => notify(tx, list.map((p) => item(org, p)))));
    const few = await run(people.slice(0, 5));
    const many = await run(people);
    expect(few.count).toBe(3); // recipients and preferences, the rows, the emails
    expect(many.count).toBe(few.count);
    const written = await db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(inArray(notifications.recipientMembershipId, people.map((p) => p.membershipId)));
    expect(written[0].n).toBe(55);
    const mails = await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(eq(outbox.organisationId, org.orgId));
    expect(mails[0].n).toBe(53); // everyone but the one who chose in-app only, twice for the first five
  });
});

describe("the inbox", () => {
  it("counts unread, lists newest first by pages, and marks read", async () => {
    const org = await createOrg("Inbox");
    const me = ctxOf(org, org.trainee);
    for (let i = 0; i < 25; i++) await send([item(org, org.trainee, { kind: "case_comment", title: `Comment number ${i}.`, href: `/cases?n=${i}` })]);
    expect(await unreadCount(me)).toBe(25);
    const first = await listInbox(me);
    expect(first.rows).toHaveLength(20);
    expect(first.rows[0].title).toBe("Comment number 24.");
    expect(first.next).not.toBeNull();
    const second = await listInbox(me, { after: first.next! });
    expect(second.rows.map((r) => r.title)).toEqual(["Comment number 4.", "Comment number 3.", "Comment number 2.", "Comment number 1.", "Comment number 0."]);
    expect(second.next).toBeNull();

    expect(await markRead(me, first.rows[0].id)).toEqual({ href: "/cases?n=24" });
    expect(await markRead(me, first.rows[0].id)).toEqual({ href: "/cases?n=24" }); // again is fine
    expect(await unreadCount(me)).toBe(24);
    expect(await markAllRead(me)).toEqual({ marked: 24 });
    expect(await unreadCount(me)).toBe(0);
    expect((await listInbox(me)).rows.every((r) => r.readAt)).toBe(true);
  });

  it("answers not-found when anyone else, in the organisation or outside it, reads or marks someone's notification", async () => {
    const org = await createOrg("InboxOwn");
    const other = await createOrg("InboxOther");
    await send([item(org, org.trainee, { kind: "signed_off", title: "Your case was signed off.", href: "/cases" })]);
    const [mine] = (await listInbox(ctxOf(org, org.trainee))).rows;
    for (const [o, p] of [
      [org, org.admin],
      [org, org.supervisor],
      [org, org.otherTrainee],
      [other, other.admin],
      [other, other.trainee],
    ] as const) {
      await expect(markRead(ctxOf(o, p), mine.id)).rejects.toBeInstanceOf(NotFoundError);
      expect((await listInbox(ctxOf(o, p))).rows.map((r) => r.id)).not.toContain(mine.id);
      await markAllRead(ctxOf(o, p));
    }
    // Acting as the trainee but in another organisation's context doesn't reach it either.
    await expect(markRead({ ...ctxOf(org, org.trainee), orgId: other.orgId }, mine.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(markRead(ctxOf(org, org.trainee), "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    expect(await unreadCount(ctxOf(org, org.trainee))).toBe(1);
  });
});

describe("preferences", () => {
  it("default to email, save only changes, audit them, and lock the safety kind", async () => {
    const org = await createOrg("Prefs");
    const me = ctxOf(org, org.trainee);
    const before = await getPreferences(me);
    expect(Object.values(before).every((c) => c === "email")).toBe(true);
    expect(await setPreferences(me, { signed_off: "digest", case_comment: "in_app", module_due: "email" })).toEqual({ changed: 2 });
    expect(await setPreferences(me, { signed_off: "digest" })).toEqual({ changed: 0 });
    const after = await getPreferences(me);
    expect(after).toMatchObject({ signed_off: "digest", case_comment: "in_app", module_due: "email", case_risk: "email" });
    // Another member of the organisation keeps the defaults.
    expect((await getPreferences(ctxOf(org, org.otherTrainee))).signed_off).toBe("email");
    const db = await getDb();
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "notifications.preferences_changed")));
    expect(events).toHaveLength(1);
    expect(events[0].detail).toEqual({ changes: { signed_off: "email → digest", case_comment: "email → in_app" } });
    const refused = await setPreferences(me, { case_risk: "digest" }).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.case_risk?.[0]).toMatch(/always arrive in-app and by email/);
  });
});

describe("the daily digest", () => {
  it("sends one email per person listing what is still unread, once, even when two runs overlap", async () => {
    const org = await createOrg("Digest");
    await setPreferences(ctxOf(org, org.trainee), { case_comment: "digest", signed_off: "digest" });
    await send([
      item(org, org.trainee, { kind: "case_comment", title: "Your supervisor commented on your case.", href: "/cases/one" }),
      item(org, org.trainee, { kind: "signed_off", title: "Your case was signed off.", href: "/cases/two" }),
      item(org, org.trainee, { kind: "case_comment", title: "Already seen in the app.", href: "/cases/three" }),
    ]);
    const me = ctxOf(org, org.trainee);
    const seen = (await listInbox(me)).rows.find((r) => r.title === "Already seen in the app.")!;
    await markRead(me, seen.id);
    expect(await mailsTo(org, org.trainee)).toEqual([]);

    const tomorrow = new Date(Date.now() + DAY_MS);
    await Promise.all([runDigest(tomorrow), runDigest(tomorrow), runDigest(new Date(tomorrow.getTime() + 3600_000))]);
    const mails = await mailsTo(org, org.trainee);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("You have 2 notifications from");
    expect(mails[0].text).toContain("Your supervisor commented on your case.");
    expect(mails[0].text).toMatch(/http\S+\/cases\/two/);
    expect(mails[0].text).not.toContain("Already seen in the app.");
    expect((await rowsFor(org.trainee)).every((r) => r.digestedAt)).toBe(true);
    // The day after, nothing new: nothing sent.
    await runDigest(new Date(tomorrow.getTime() + DAY_MS));
    expect(await mailsTo(org, org.trainee)).toHaveLength(1);
  });
});
