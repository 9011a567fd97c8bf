import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, type Db, type DbOrTx } from "@/db/client";
import { memberships, modules, reminderLog, users } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { readReplica } from "@/lib/core/replica";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { appBaseUrl } from "@/lib/email/base-url";
import type { Pending } from "@/lib/email/send";
import { reminderEmail } from "@/lib/email/templates";
import { notifyWithEmails, type NotificationWithEmail } from "@/lib/notifications/notify";
import { dayKey, formatDate, ORG_TIME_ZONE } from "./due";
import { rowsOf } from "@/db/rows";
import { progressFor, progressKey } from "./progress";
import { requiredForMembers } from "./requirement-resolution";

// An admin's "remind everyone overdue on this module" from the completion report. Overdue means
// what the report means: required of the person, not complete, past its due date. The daily
// reminder run and this share the reminder log's key (person, module, day), so nobody is reminded
// twice on one day, whoever sent the first.

type Overdue = { membershipId: string; name: string; email: string; moduleId: string; dueAt: Date };

async function overdueMembers(db: DbOrTx, ctx: Ctx, now: Date, moduleId?: string): Promise<Overdue[]> {
  const members = await db
    .select({ membershipId: memberships.id, role: memberships.role, joinedAt: memberships.joinedAt, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, ctx.orgId), eq(memberships.status, "active"), sql`${users.disabledAt} is null`));
  const required = await requiredForMembers(db, ctx.orgId, members);
  const moduleIds = [...new Set([...required.values()].flat().map((r) => r.moduleId))].filter((id) => !moduleId || id === moduleId);
  if (moduleIds.length === 0) return [];
  const progress = await progressFor(db, ctx.orgId, members.map((m) => m.membershipId), moduleIds);
  const out: Overdue[] = [];
  for (const m of members)
    for (const r of required.get(m.membershipId) ?? []) {
      if (moduleId && r.moduleId !== moduleId) continue;
      if (!r.dueAt || r.dueAt >= now || progress.complete.has(progressKey(m.membershipId, r.moduleId))) continue;
      out.push({ membershipId: m.membershipId, name: m.name, email: m.email, moduleId: r.moduleId, dueAt: r.dueAt });
    }
  return out;
}

/**
 * How many people are overdue on each required module (for the report's "remind" buttons), or on
 * one module: one aggregate statement that resolves requirements the way requiredForMembers()
 * does (role or current cohort; the earliest due date wins; a date is due at the end of that day
 * in the organisation's zone, a number of days counts from joining) and leaves out completions,
 * with no per-member work in JavaScript (the per-member resolution cut the 1,050-member report
 * from 149 to 16 req/s). tests/integration/remind-overdue.test.ts checks it against that path.
 * The report reads it through overdueForReport.
 */
export async function countOverdueByModule(ctx: Ctx, now = new Date(), moduleId?: string): Promise<OverdueCount[]> {
  assertCan(ctx, "org.manage");
  return overdueCounts(await getDb(), ctx.orgId, now, moduleId);
}

async function overdueCounts(db: Db, orgId: string, now: Date, moduleId?: string): Promise<OverdueCount[]> {
  const rows = rowsOf<{ module_id: string; title: string; overdue: number }>(
    await db.execute(sql`
      select a.module_id, mo.title, count(*)::int as overdue
      from (
        select m.id as membership_id, r.module_id,
          min(case
                when r.due_on is not null then ((r.due_on + 1)::timestamp at time zone ${ORG_TIME_ZONE}) - interval '1 millisecond'
                when r.due_days is not null then m.created_at + r.due_days * interval '24 hours'
              end) as due_at
        from memberships m
        join users u on u.id = m.user_id and u.disabled_at is null
        join module_requirements r on r.organisation_id = m.organisation_id
        join modules rm on rm.id = r.module_id and rm.retired_at is null
        where m.organisation_id = ${orgId} and m.status = 'active'
          ${moduleId ? sql`and r.module_id = ${moduleId}` : sql``}
          and (r.role = m.role or exists (
            select 1 from cohort_members cm join cohorts c on c.id = cm.cohort_id and c.organisation_id = cm.organisation_id and c.archived_at is null
            where cm.organisation_id = m.organisation_id and cm.membership_id = m.id and cm.cohort_id = r.cohort_id))
        group by m.id, r.module_id
      ) a
      join modules mo on mo.id = a.module_id
      where a.due_at < ${now.toISOString()}::timestamptz
        and not exists (select 1 from certificates ce where ce.organisation_id = ${orgId} and ce.membership_id = a.membership_id and ce.module_id = a.module_id)
      group by a.module_id, mo.title
      order by overdue desc, mo.title`),
  );
  return rows.map((r) => ({ moduleId: r.module_id, title: r.title, overdue: Number(r.overdue) }));
}

export type OverdueCount = { moduleId: string; title: string; overdue: number };

/**
 * The report's overdue section: countOverdueByModule, kept for OVERDUE_FRESH_MS per organisation
 * and module filter in this process. The count has to look at every active member (at ten times
 * the large data set, 10,000 people × their requirements, with a certificate probe each: 0.6-1 s),
 * which no page can do on every view and keep its latency as the organisation grows (docs/SCALE.md,
 * "Ten times the data"). So:
 * - fresh (younger than OVERDUE_FRESH_MS): served as it is;
 * - older but younger than OVERDUE_KEEP_MS: served as it is while one recount runs for everyone
 *   (the page says when it was counted);
 * - absent or older still: counted now; requests arriving meanwhile wait for that one count.
 * Counted on the replica when there is one. Changing a requirement forgets the organisation's
 * counts in this process (other processes catch up within OVERDUE_FRESH_MS). Sending reminders
 * does not use it: remindOverdue resolves the people afresh.
 */
export const OVERDUE_FRESH_MS = 2 * 60_000;
export const OVERDUE_KEEP_MS = 30 * 60_000;
const OVERDUE_ENTRIES = 500;

type OverdueEntry = { countedAt: number; counts: OverdueCount[] | null; pending: Promise<OverdueCount[]> | null };
const g = globalThis as unknown as { __rapportOverdue?: Map<string, OverdueEntry> };
const overdueCache = (g.__rapportOverdue ??= new Map());

export async function overdueForReport(ctx: Ctx, moduleId?: string, nowMs = Date.now()): Promise<{ counts: OverdueCount[]; countedAt: Date }> {
  assertCan(ctx, "org.manage");
  const key = `${ctx.orgId}|${moduleId ?? "*"}`;
  let entry = overdueCache.get(key);
  const recount = (e: OverdueEntry) => {
    const startedAt = Date.now();
    e.pending = readReplica(ctx, (db) => overdueCounts(db, ctx.orgId, new Date(startedAt), moduleId))
      .then((counts) => {
        Object.assign(e, { counts, countedAt: startedAt });
        return counts;
      })
      .finally(() => (e.pending = null));
    return e.pending;
  };
  if (entry?.counts && nowMs - entry.countedAt < OVERDUE_KEEP_MS) {
    if (nowMs - entry.countedAt >= OVERDUE_FRESH_MS && !entry.pending) {
      // Served stale while it recounts; a failed recount is tried again by the next view.
      recount(entry).catch((e) => console.error(`[rapport] counting overdue modules failed: ${e instanceof Error ? e.message : e}`));
    }
    return { counts: entry.counts, countedAt: new Date(entry.countedAt) };
  }
  if (!entry) {
    if (overdueCache.size >= OVERDUE_ENTRIES) overdueCache.delete(overdueCache.keys().next().value!);
    entry = { countedAt: 0, counts: null, pending: null };
    overdueCache.set(key, entry);
  }
  const counts = await (entry.pending ?? recount(entry));
  return { counts, countedAt: new Date(entry.countedAt) };
}

/** Forgets an organisation's overdue counts in this process (a requirement changed). */
export function forgetOverdueCounts(orgId: string): void {
  for (const key of [...overdueCache.keys()]) if (key.startsWith(`${orgId}|`)) overdueCache.delete(key);
}

/**
 * Reminds everyone overdue on one module: an in-app notification each, and the reminder email
 * unless the person chose in-app only or the digest. Returns how many were reminded now and how
 * many had already been reminded today. A module nobody in the organisation is required to do is
 * not found.
 */
export async function remindOverdue(ctx: Ctx, input: { moduleId: string }, now = new Date()): Promise<{ reminded: number; alreadyToday: number }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const day = dayKey(now);
  let pending: Pending | undefined;
  const result = await db.transaction(async (tx) => {
    const [mod] = await tx.select({ id: modules.id, title: modules.title }).from(modules).where(eq(modules.id, input.moduleId));
    if (!mod) throw new NotFoundError();
    const overdue = await overdueMembers(tx, ctx, now, mod.id);
    if (overdue.length === 0) throw new ValidationError(`Nobody is overdue on “${mod.title}” now: there is nobody to remind.`);
    const inserted = await tx
      .insert(reminderLog)
      .values(overdue.map((o) => ({ organisationId: ctx.orgId, membershipId: o.membershipId, item: mod.id, day, kind: "overdue" })))
      .onConflictDoNothing()
      .returning({ membershipId: reminderLog.membershipId });
    const fresh = new Set(inserted.map((r) => r.membershipId));
    const url = `${appBaseUrl()}/onboarding`;
    const items: NotificationWithEmail[] = overdue
      .filter((o) => fresh.has(o.membershipId))
      .map((o) => {
        const due = formatDate(o.dueAt);
        return {
          organisationId: ctx.orgId,
          recipientMembershipId: o.membershipId,
          kind: "module_overdue",
          title: `“${mod.title}” was due on ${due} and isn't complete yet.`,
          href: "/onboarding",
          subjectType: "module",
          subjectId: mod.id,
          dedupeKey: day,
          actorUserId: ctx.userId,
          email: { kind: "reminder.overdue", ...reminderEmail({ orgName: ctx.orgName, name: o.name, moduleTitle: mod.title, kind: "overdue", due, url }) },
        };
      });
    if (items.length > 0) pending = await notifyWithEmails(tx, items);
    await auditAs(tx, ctx, { action: "reminders.sent_overdue", targetType: "module", targetId: mod.id, detail: { module: mod.title, count: items.length, alreadyToday: overdue.length - items.length, via: "completion report" } });
    return { reminded: items.length, alreadyToday: overdue.length - items.length };
  });
  await pending?.deliver();
  return result;
}
