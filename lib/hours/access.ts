import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { hourEntries, memberships, users } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";

// Who may see whose hours. Trainees: their own. Supervisors: the entries of the placements they
// are responsible for, and the sessions they ran. Org admins: their organisation's. Anyone else,
// and anything of another organisation: not found (the organisation comes from the row).

/** Entries (of the hour_entries table in the FROM clause) the caller may see, beyond the organisation. */
export function visibleEntries(ctx: Ctx): SQL | undefined {
  if (ctx.role === "org_admin") return undefined;
  if (ctx.role === "trainee") return eq(hourEntries.traineeMembershipId, ctx.membershipId);
  return sql`(exists (select 1 from trainee_placement_supervisors tps
      where tps.organisation_id = ${hourEntries.organisationId} and tps.trainee_placement_id = ${hourEntries.traineePlacementId}
        and tps.supervisor_membership_id = ${ctx.membershipId})
    or exists (select 1 from supervision_sessions ss
      where ss.organisation_id = ${hourEntries.organisationId} and ss.id = ${hourEntries.sessionId} and ss.supervisor_membership_id = ${ctx.membershipId}))`;
}

/** Whether the caller supervises (a placement of, or in case supervision) the trainee. SQL for a membership column. */
export function supervisesTrainee(ctx: Ctx, traineeMembershipCol: SQL | string): SQL {
  const col = typeof traineeMembershipCol === "string" ? sql.raw(traineeMembershipCol) : traineeMembershipCol;
  return sql`(exists (select 1 from trainee_placement_supervisors tps join trainee_placements tp on tp.organisation_id = tps.organisation_id and tp.id = tps.trainee_placement_id
      where tps.organisation_id = ${ctx.orgId} and tps.supervisor_membership_id = ${ctx.membershipId} and tp.trainee_membership_id = ${col})
    or exists (select 1 from supervisions s where s.organisation_id = ${ctx.orgId} and s.supervisor_membership_id = ${ctx.membershipId} and s.trainee_membership_id = ${col}))`;
}

export type TraineeRef = { membershipId: string; name: string; email: string; status: "active" | "deactivated" };

/**
 * The trainee whose hours the caller asks about, if the caller may see them: themself (a trainee),
 * one they supervise (a supervisor), anyone of the organisation (an admin). Otherwise not found.
 */
export async function loadTraineeFor(db: DbOrTx, ctx: Ctx, traineeMembershipId: string): Promise<TraineeRef> {
  assertCan(ctx, "hours.view");
  if (ctx.role === "trainee" && traineeMembershipId !== ctx.membershipId) throw new NotFoundError();
  const [t] = await db
    .select({ membershipId: memberships.id, name: users.name, email: users.email, status: memberships.status })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, ctx.orgId),
        eq(memberships.id, traineeMembershipId),
        ctx.role === "supervisor" ? supervisesTrainee(ctx, sql`${memberships.id}`) : undefined,
      ),
    );
  if (!t) throw new NotFoundError();
  return t;
}
