import "server-only";
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, practiceAttempts, users, type PracticeAttempt } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { isUuid } from "@/lib/util/uuid";

// Who may see whose practice. The trainee: their own responses. A supervisor: the responses of
// trainees assigned to them, under the same rule as cases (lib/cases/access.ts: an assignment in
// supervisions and a verified email). Org admins: counts only, never a response or a recording.
// Anyone else, and anything of another organisation: not found (the organisation comes from the row).

/** SQL: the caller supervises the trainee in `col` (same rule as reading that trainee's cases). */
export function supervises(ctx: Ctx, col: SQL): SQL {
  return sql`exists (select 1 from supervisions s
    join memberships sm on sm.id = s.supervisor_membership_id and sm.organisation_id = s.organisation_id
    join users su on su.id = sm.user_id
    where s.organisation_id = ${ctx.orgId} and s.supervisor_membership_id = ${ctx.membershipId}
      and s.trainee_membership_id = ${col} and sm.status = 'active' and su.email_verified_at is not null)`;
}

export type AttemptRelation = { own: boolean; supervisor: boolean };
export type LoadedAttempt = { row: PracticeAttempt; relation: AttemptRelation; traineeName: string };

/** One attempt the caller may read (its trainee, or a supervisor of them); otherwise not found. */
export async function loadAttempt(db: DbOrTx, ctx: Ctx, attemptId: string): Promise<LoadedAttempt> {
  if (!isUuid(attemptId) || ctx.role === "org_admin") throw new NotFoundError();
  const [found] = await db
    .select({ row: practiceAttempts, traineeName: users.name, supervised: sql<boolean>`${supervises(ctx, sql.raw(`"practice_attempts"."trainee_membership_id"`))}` })
    .from(practiceAttempts)
    .innerJoin(memberships, and(eq(memberships.id, practiceAttempts.traineeMembershipId), eq(memberships.organisationId, practiceAttempts.organisationId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(practiceAttempts.id, attemptId), eq(practiceAttempts.organisationId, ctx.orgId)));
  if (!found) throw new NotFoundError();
  const relation = { own: found.row.traineeMembershipId === ctx.membershipId, supervisor: ctx.role === "supervisor" && Boolean(found.supervised) };
  if (!relation.own && !relation.supervisor) throw new NotFoundError();
  return { row: found.row, relation, traineeName: found.traineeName };
}

export type TraineeRef = { membershipId: string; name: string; own: boolean };

/** The trainee whose practice the caller asks about: themself, or one they supervise. Otherwise not found. */
export async function loadTraineeFor(db: DbOrTx, ctx: Ctx, traineeMembershipId: string): Promise<TraineeRef> {
  if (!isUuid(traineeMembershipId) || ctx.role === "org_admin") throw new NotFoundError();
  const own = traineeMembershipId === ctx.membershipId;
  if (!own && ctx.role !== "supervisor") throw new NotFoundError();
  const [t] = await db
    .select({ membershipId: memberships.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, ctx.orgId), eq(memberships.id, traineeMembershipId), own ? undefined : supervises(ctx, sql.raw(`"memberships"."id"`))));
  if (!t) throw new NotFoundError();
  return { ...t, own };
}
