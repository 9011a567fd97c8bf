import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { evaluationRounds, evaluations, type EvaluationRow } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import type { Side } from "./status";

// Who may see an evaluation, by the same rules as the rest of Rapport: the trainee sees their
// own; a supervisor sees the evaluations of trainees they supervise (lib/cases/supervisors.ts's
// relation); an admin sees their organisation's. Everyone else, and every other organisation,
// gets not-found. Only the trainee and the assigned evaluator (while still supervising) write.

export type EvaluationRelation = {
  trainee: boolean;
  /** Supervises the trainee now (supervisions row, caller is a supervisor). */
  supervises: boolean;
  /** The assigned evaluator and still supervising the trainee. */
  evaluator: boolean;
  admin: boolean;
};

export type LoadedEvaluation = { row: EvaluationRow; roundName: string; formVersionId: string; relation: EvaluationRelation; side: Side | null };

/** The side the caller writes, if any. */
export function sideOf(r: EvaluationRelation): Side | null {
  if (r.trainee) return "self";
  if (r.evaluator) return "supervisor";
  return null;
}

/** A supervisor reaches trainees they supervise; the organisation is taken from the evaluation row. */
export const supervisesTrainee = (ctx: Ctx) =>
  sql<boolean>`exists (select 1 from supervisions s
    where s.organisation_id = "evaluations"."organisation_id"
      and s.supervisor_membership_id = ${ctx.membershipId}
      and s.trainee_membership_id = "evaluations"."trainee_membership_id")`;

export async function loadEvaluation(db: DbOrTx, ctx: Ctx, evaluationId: string, opts: { forUpdate?: boolean } = {}): Promise<LoadedEvaluation> {
  const q = db
    .select({ row: evaluations, roundName: evaluationRounds.name, formVersionId: evaluationRounds.formVersionId, supervises: supervisesTrainee(ctx) })
    .from(evaluations)
    .innerJoin(evaluationRounds, and(eq(evaluationRounds.id, evaluations.roundId), eq(evaluationRounds.organisationId, evaluations.organisationId)))
    .where(and(eq(evaluations.id, evaluationId), eq(evaluations.organisationId, ctx.orgId)));
  const [found] = opts.forUpdate ? await q.for("update", { of: evaluations }) : await q;
  if (!found) throw new NotFoundError();
  const supervises = ctx.role === "supervisor" && Boolean(found.supervises);
  const relation: EvaluationRelation = {
    trainee: ctx.role === "trainee" && found.row.traineeMembershipId === ctx.membershipId,
    supervises,
    evaluator: supervises && found.row.evaluatorMembershipId === ctx.membershipId,
    admin: ctx.role === "org_admin",
  };
  if (!relation.trainee && !relation.supervises && !relation.admin) throw new NotFoundError();
  return { row: found.row, roundName: found.roundName, formVersionId: found.formVersionId, relation, side: sideOf(relation) };
}
