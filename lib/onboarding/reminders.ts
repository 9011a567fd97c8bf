import "server-only";
import { appBaseUrl } from "@/lib/email/base-url";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, moduleRequirements, modules, reminderLog, users } from "@/db/schema";
import type { Pending } from "@/lib/email/send";
import { reminderEmail } from "@/lib/email/templates";
import { notifyWithEmails, type NotificationWithEmail } from "@/lib/notifications/notify";
import { auditMany } from "@/lib/core/audit";
import { dayKey, formatDate, reminderKind } from "./due";
import { progressFor, progressKey } from "./progress";
import { requiredForMembers } from "@/lib/onboarding/requirement-resolution";

/** notified: in-app reminders written; queued: emails among them (people may choose in-app only or the digest). */
export type ReminderRun = { day: string; organisations: number; notified: number; queued: number };

/**
 * One reminder per person per overdue or soon-due required module: an in-app notification
 * (module_due / module_overdue), plus this reminder email when the person's preference for that
 * kind is email (the default); with "daily digest" it goes into the digest instead, with "in-app
 * only" no email at all. So the preference decides and nobody gets the email twice. The reminder
 * log's key (organisation, membership, item, day) makes a second run on the same day send nothing
 * again, even when two runs overlap; the notification's dedupe key (the day) agrees with it.
 */
export async function runReminders(opts: { now?: Date } = {}): Promise<ReminderRun> {
  const now = opts.now ?? new Date();
  const day = dayKey(now);
  const baseUrl = appBaseUrl();
  const db = await getDb();
  const orgRows = await db.selectDistinct({ orgId: moduleRequirements.organisationId }).from(moduleRequirements);
  let queued = 0;
  let notified = 0;
  for (const { orgId } of orgRows) {
    const members = await db
      .select({ membershipId: memberships.id, role: memberships.role, joinedAt: memberships.joinedAt, name: users.name, email: users.email, orgName: sql<string>`(select name from organisations o where o.id = ${memberships.organisationId})` })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, orgId), eq(memberships.status, "active"), sql`${users.disabledAt} is null`));
    const required = await requiredForMembers(db, orgId, members);
    const moduleIds = [...new Set([...required.values()].flat().map((r) => r.moduleId))];
    if (moduleIds.length === 0) continue;
    const progress = await progressFor(db, orgId, members.map((m) => m.membershipId), moduleIds);
    const titles = new Map((await db.select({ id: modules.id, title: modules.title }).from(modules).where(inArray(modules.id, moduleIds))).map((m) => [m.id, m.title]));
    const due: { membershipId: string; moduleId: string; kind: "overdue" | "due_soon"; dueAt: Date }[] = [];
    for (const m of members) {
      for (const r of required.get(m.membershipId) ?? []) {
        if (progress.complete.has(progressKey(m.membershipId, r.moduleId))) continue;
        const kind = reminderKind(r.dueAt, now);
        if (kind && r.dueAt) due.push({ membershipId: m.membershipId, moduleId: r.moduleId, kind, dueAt: r.dueAt });
      }
    }
    if (due.length === 0) continue;
    const byMember = new Map(members.map((m) => [m.membershipId, m]));
    let pending: Pending | undefined;
    await db.transaction(async (tx) => {
      const fresh: typeof due = [];
      for (let i = 0; i < due.length; i += 1000) {
        const part = due.slice(i, i + 1000);
        const inserted = await tx
          .insert(reminderLog)
          .values(part.map((d) => ({ organisationId: orgId, membershipId: d.membershipId, item: d.moduleId, day, kind: d.kind })))
          .onConflictDoNothing()
          .returning({ membershipId: reminderLog.membershipId, item: reminderLog.item });
        const got = new Set(inserted.map((r) => progressKey(r.membershipId, r.item)));
        fresh.push(...part.filter((d) => got.has(progressKey(d.membershipId, d.moduleId))));
      }
      if (fresh.length === 0) return;
      const items: NotificationWithEmail[] = fresh.map((d) => {
        const m = byMember.get(d.membershipId)!;
        const moduleTitle = titles.get(d.moduleId) ?? "a required module";
        const due = formatDate(d.dueAt);
        return {
          organisationId: orgId,
          recipientMembershipId: d.membershipId,
          kind: d.kind === "overdue" ? "module_overdue" : "module_due",
          title: d.kind === "overdue" ? `“${moduleTitle}” was due on ${due} and isn't complete yet.` : `“${moduleTitle}” is due on ${due}.`,
          href: "/onboarding",
          subjectType: "module",
          subjectId: d.moduleId,
          dedupeKey: day,
          email: { kind: `reminder.${d.kind}`, ...reminderEmail({ orgName: m.orgName, name: m.name, moduleTitle, kind: d.kind, due, url: `${baseUrl}/onboarding` }) },
        };
      });
      pending = await notifyWithEmails(tx, items);
      await auditMany(tx, [
        { organisationId: orgId, actorUserId: null, action: "reminders.sent", targetType: "organisation", targetId: orgId, detail: { day, count: fresh.length, overdue: fresh.filter((f) => f.kind === "overdue").length } },
      ]);
      notified += fresh.length;
      queued += (pending as Pending).ids.length;
    });
    // TS can't see the assignment inside the callback.
    await (pending as Pending | undefined)?.deliver();
  }
  return { day, organisations: orgRows.length, notified, queued };
}
