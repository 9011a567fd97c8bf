import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { reminderLog } from "@/db/schema";
import type { Pending } from "@/lib/email/send";
import { notify, type NewNotification } from "@/lib/notifications/notify";
import { auditMany } from "@/lib/core/audit";
import { addDays, today, weekStart } from "./days";

// Two nudges, each at most once a week per person (the week is the period): a trainee placed for
// two weeks or more with nothing logged in the last two weeks, and a site supervisor with entries
// waiting more than a week. The reminder log's key (organisation, member, item, week) makes every
// later run in the same week send nothing, even when two server processes run it at once.

export const QUIET_DAYS = 14;
export const WAITING_DAYS = 7;

type Row = { orgId: string; membershipId: string; count?: number };
const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];

export async function runHoursReminders(opts: { now?: Date } = {}): Promise<{ week: string; traineesReminded: number; supervisorsReminded: number }> {
  const now = opts.now ?? new Date();
  const day = today(now);
  const week = weekStart(day);
  const quietSince = new Date(now.getTime() - QUIET_DAYS * 86_400_000);
  const waitingSince = new Date(now.getTime() - WAITING_DAYS * 86_400_000);
  const db = await getDb();
  const quiet = rowsOf<Row>(
    await db.execute(sql`select m.organisation_id as "orgId", m.id as "membershipId"
      from memberships m join users u on u.id = m.user_id
      where m.role = 'trainee' and m.status = 'active' and u.disabled_at is null
        and exists (select 1 from trainee_placements tp join placements p on p.organisation_id = tp.organisation_id and p.id = tp.placement_id
          where tp.organisation_id = m.organisation_id and tp.trainee_membership_id = m.id and tp.archived_at is null and p.archived_at is null
            and tp.created_at < ${quietSince.toISOString()} and (tp.starts_on is null or tp.starts_on <= ${addDays(day, -QUIET_DAYS)})
            and (tp.ends_on is null or tp.ends_on >= ${day}))
        and not exists (select 1 from hour_entries e where e.organisation_id = m.organisation_id and e.trainee_membership_id = m.id and e.created_at >= ${quietSince.toISOString()})`),
  );
  const waiting = rowsOf<Row>(
    await db.execute(sql`select tps.organisation_id as "orgId", tps.supervisor_membership_id as "membershipId", count(*)::int as "count"
      from hour_entries e join trainee_placement_supervisors tps on tps.organisation_id = e.organisation_id and tps.trainee_placement_id = e.trainee_placement_id
      join memberships sm on sm.organisation_id = tps.organisation_id and sm.id = tps.supervisor_membership_id and sm.status = 'active'
      where e.status = 'submitted' and e.submitted_at < ${waitingSince.toISOString()}
      group by tps.organisation_id, tps.supervisor_membership_id`),
  );
  const byOrg = new Map<string, { quiet: Row[]; waiting: Row[] }>();
  for (const r of quiet) (byOrg.get(r.orgId) ?? byOrg.set(r.orgId, { quiet: [], waiting: [] }).get(r.orgId)!).quiet.push(r);
  for (const r of waiting) (byOrg.get(r.orgId) ?? byOrg.set(r.orgId, { quiet: [], waiting: [] }).get(r.orgId)!).waiting.push(r);
  let traineesReminded = 0;
  let supervisorsReminded = 0;
  for (const [orgId, due] of byOrg) {
    let pending: Pending | undefined;
    await db.transaction(async (tx) => {
      const log = [
        ...due.quiet.map((r) => ({ organisationId: orgId, membershipId: r.membershipId, item: "hours_not_logged", day: week, kind: "hours_not_logged" })),
        ...due.waiting.map((r) => ({ organisationId: orgId, membershipId: r.membershipId, item: "hours_waiting", day: week, kind: "hours_waiting" })),
      ];
      if (log.length === 0) return;
      const fresh = await tx.insert(reminderLog).values(log).onConflictDoNothing().returning({ membershipId: reminderLog.membershipId, item: reminderLog.item });
      if (fresh.length === 0) return;
      const counts = new Map(due.waiting.map((w) => [w.membershipId, w.count ?? 0]));
      const items: (NewNotification & { dedupeKey: string })[] = fresh.map((f) =>
        f.item === "hours_not_logged"
          ? { organisationId: orgId, recipientMembershipId: f.membershipId, kind: "hours_not_logged", title: `You haven't logged any practicum hours in the last ${QUIET_DAYS} days. Log them while you remember.`, href: "/hours/week", dedupeKey: week }
          : {
              organisationId: orgId,
              recipientMembershipId: f.membershipId,
              kind: "hours_waiting",
              title: `${counts.get(f.membershipId)} hour ${counts.get(f.membershipId) === 1 ? "entry has" : "entries have"} waited more than a week for your approval.`,
              href: "/hours",
              dedupeKey: week,
            },
      );
      pending = await notify(tx, items);
      const t = fresh.filter((f) => f.item === "hours_not_logged").length;
      traineesReminded += t;
      supervisorsReminded += fresh.length - t;
      await auditMany(tx, [{ organisationId: orgId, actorUserId: null, action: "hours.reminders_sent", targetType: "organisation", targetId: orgId, detail: { week, trainees: t, supervisors: fresh.length - t } }]);
    });
    await (pending as Pending | undefined)?.deliver();
  }
  return { week, traineesReminded, supervisorsReminded };
}
