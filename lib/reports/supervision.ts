import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { readReplica } from "@/lib/core/replica";
import { addDays, today } from "@/lib/hours/days";

export type SupervisorActivity = {
  membershipId: string;
  name: string;
  email: string;
  trainees: number;
  queue: number;
  oldestSubmittedAt: Date | null;
  /** Supervision sessions they ran in the last 30 days, and how long those took in all. */
  sessions: number;
  sessionMinutes: number;
  /** Practicum hour entries waiting for their approval. */
  hoursWaiting: number;
};

export const SESSION_WINDOW_DAYS = 30;

/**
 * Per active supervisor: assigned active trainees, cases waiting for review (status submitted,
 * by those trainees) and when the oldest of them was submitted; supervision sessions run in the last
 * 30 days and practicum hour entries waiting for them. One query, on the read replica when there is
 * one. Reads case metadata only.
 */
export async function getSupervisionActivity(ctx: Ctx): Promise<SupervisorActivity[]> {
  assertCan(ctx, "org.reports");
  return readReplica(ctx, (db) => readActivity(db, ctx));
}

async function readActivity(db: Db, ctx: Ctx): Promise<SupervisorActivity[]> {
  const since = addDays(today(), -SESSION_WINDOW_DAYS);
  const rows = await db
    .select({
      membershipId: memberships.id,
      name: users.name,
      email: users.email,
      trainees: sql<number>`(select count(*)::int from supervisions s join memberships t on t.organisation_id = s.organisation_id and t.id = s.trainee_membership_id
                             where s.organisation_id = "memberships"."organisation_id" and s.supervisor_membership_id = "memberships"."id" and t.status = 'active')`,
      queue: sql<number>`(select count(distinct c.id)::int from supervisions s join cases c on c.organisation_id = s.organisation_id and c.author_membership_id = s.trainee_membership_id
                          where s.organisation_id = "memberships"."organisation_id" and s.supervisor_membership_id = "memberships"."id" and c.status = 'submitted')`,
      oldest: sql<string | null>`(select min(c.submitted_at) from supervisions s join cases c on c.organisation_id = s.organisation_id and c.author_membership_id = s.trainee_membership_id
                                  where s.organisation_id = "memberships"."organisation_id" and s.supervisor_membership_id = "memberships"."id" and c.status = 'submitted')`,
      sessions: sql<number>`(select count(*)::int from supervision_sessions ss where ss.organisation_id = "memberships"."organisation_id"
                             and ss.supervisor_membership_id = "memberships"."id" and ss.occurred_on >= ${since})`,
      sessionMinutes: sql<number>`(select coalesce(sum(ss.minutes), 0)::int from supervision_sessions ss where ss.organisation_id = "memberships"."organisation_id"
                             and ss.supervisor_membership_id = "memberships"."id" and ss.occurred_on >= ${since})`,
      hoursWaiting: sql<number>`(select count(*)::int from hour_entries e join trainee_placement_supervisors tps on tps.organisation_id = e.organisation_id
                             and tps.trainee_placement_id = e.trainee_placement_id
                             where e.organisation_id = "memberships"."organisation_id" and tps.supervisor_membership_id = "memberships"."id" and e.status = 'submitted')`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, ctx.orgId), eq(memberships.role, "supervisor"), eq(memberships.status, "active")))
    .orderBy(asc(sql`lower(${users.name})`), asc(memberships.id));
  return rows.map(({ oldest, ...r }) => ({ ...r, oldestSubmittedAt: oldest ? new Date(oldest) : null }));
}

/** "3 days", "5 hours": the age of the oldest waiting case. */
export function formatAge(from: Date, now = new Date()): string {
  const h = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 3_600_000));
  if (h < 24) return h === 1 ? "1 hour" : `${h} hours`;
  const d = Math.floor(h / 24);
  return d === 1 ? "1 day" : `${d} days`;
}
