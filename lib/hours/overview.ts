import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, traineePlacementSupervisors, users } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { supervisesTrainee } from "./access";
import { listTraineePlacements } from "./placements";
import { getTraineeProgress } from "./progress";

export type SupervisedTrainee = { membershipId: string; name: string; placements: string[]; waiting: number; approvedMinutes: number };

/**
 * The trainees a supervisor sees hours of: placed at a site they supervise, or under their case
 * supervision (for sessions). With the placements they supervise, entries waiting for them and the
 * minutes approved at those placements. One statement.
 */
export async function listSupervisedTrainees(ctx: Ctx): Promise<SupervisedTrainee[]> {
  assertCan(ctx, "hours.supervise");
  const db = await getDb();
  const rows = await db
    .select({
      membershipId: memberships.id,
      name: users.name,
      placements: sql<string[] | string>`coalesce((select json_agg(p.name order by lower(p.name)) from trainee_placements tp
        join placements p on p.organisation_id = tp.organisation_id and p.id = tp.placement_id
        join trainee_placement_supervisors tps on tps.organisation_id = tp.organisation_id and tps.trainee_placement_id = tp.id and tps.supervisor_membership_id = ${ctx.membershipId}
        where tp.organisation_id = ${memberships.organisationId} and tp.trainee_membership_id = ${memberships.id} and tp.archived_at is null), '[]'::json)`,
      waiting: sql<number>`(select count(*)::int from hour_entries e join trainee_placement_supervisors tps on tps.organisation_id = e.organisation_id
        and tps.trainee_placement_id = e.trainee_placement_id and tps.supervisor_membership_id = ${ctx.membershipId}
        where e.organisation_id = ${memberships.organisationId} and e.trainee_membership_id = ${memberships.id} and e.status = 'submitted')`,
      approvedMinutes: sql<number>`(select coalesce(sum(e.minutes), 0)::int from hour_entries e join trainee_placement_supervisors tps on tps.organisation_id = e.organisation_id
        and tps.trainee_placement_id = e.trainee_placement_id and tps.supervisor_membership_id = ${ctx.membershipId}
        where e.organisation_id = ${memberships.organisationId} and e.trainee_membership_id = ${memberships.id} and e.status = 'approved'
          and not exists (select 1 from hour_entries c where c.organisation_id = e.organisation_id and c.corrects_entry_id = e.id and c.status = 'approved'))`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, ctx.orgId), eq(memberships.role, "trainee"), eq(memberships.status, "active"), supervisesTrainee(ctx, sql`${memberships.id}`)))
    .orderBy(asc(sql`lower(${users.name})`), asc(memberships.id))
    .limit(1000);
  return rows.map((r) => ({ ...r, placements: typeof r.placements === "string" ? (JSON.parse(r.placements) as string[]) : r.placements }));
}

/**
 * A trainee's hours as their supervisor or an org admin sees them: progress (supervisors: counted
 * from their placements and sessions), and the placements a summary may cover. Trainees use /hours.
 */
export async function getTraineeHoursOverview(ctx: Ctx, traineeMembershipId: string, opts: { today?: string } = {}) {
  assertCan(ctx, "trainees.progress.view");
  const progress = await getTraineeProgress(ctx, traineeMembershipId, opts);
  const db = await getDb();
  const all = await listTraineePlacements(db, ctx.orgId, [progress.trainee.membershipId]);
  const mine =
    ctx.role === "supervisor"
      ? new Set(
          (
            await db
              .select({ id: traineePlacementSupervisors.traineePlacementId })
              .from(traineePlacementSupervisors)
              .where(and(eq(traineePlacementSupervisors.organisationId, ctx.orgId), eq(traineePlacementSupervisors.supervisorMembershipId, ctx.membershipId)))
          ).map((r) => r.id),
        )
      : null;
  return { progress, placements: mine ? all.filter((p) => mine.has(p.traineePlacementId)) : all };
}
