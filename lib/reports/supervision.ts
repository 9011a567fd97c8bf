import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";

export type SupervisorActivity = { membershipId: string; name: string; email: string; trainees: number; queue: number; oldestSubmittedAt: Date | null };

/**
 * Per active supervisor: assigned active trainees, cases waiting for review (status submitted,
 * by those trainees) and when the oldest of them was submitted. One query. Reads case metadata only.
 */
export async function getSupervisionActivity(ctx: Ctx): Promise<SupervisorActivity[]> {
  assertCan(ctx, "org.reports");
  const db = await getDb();
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
