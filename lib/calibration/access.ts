import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { calibrationParticipants, calibrationRounds, type CalibrationParticipantRow, type CalibrationRoundRow } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { roundState, type RoundState } from "./status";

// Who may reach a calibration round. Calibration is formative and among staff: the organisation's
// admins see every round; a supervisor sees the rounds they are invited to. Trainees, supervisors
// not invited and every other organisation get not-found, the same answer as for a round that
// doesn't exist. The organisation comes from the round row, never from the client.

export type RoundRelation = { admin: boolean; participant: CalibrationParticipantRow | null };
export type LoadedRound = { round: CalibrationRoundRow; relation: RoundRelation; state: RoundState; submitted: boolean };

export async function loadRound(db: DbOrTx, ctx: Ctx, roundId: string, opts: { forUpdate?: boolean } = {}): Promise<LoadedRound> {
  assertCan(ctx, "calibration.view");
  const q = db
    .select({ round: calibrationRounds })
    .from(calibrationRounds)
    .where(and(eq(calibrationRounds.id, roundId), eq(calibrationRounds.organisationId, ctx.orgId)));
  const [found] = opts.forUpdate ? await q.for("update") : await q;
  if (!found) throw new NotFoundError();
  const [participant] = await db
    .select()
    .from(calibrationParticipants)
    .where(and(eq(calibrationParticipants.organisationId, ctx.orgId), eq(calibrationParticipants.roundId, roundId), eq(calibrationParticipants.membershipId, ctx.membershipId)));
  const relation: RoundRelation = { admin: ctx.role === "org_admin", participant: ctx.role === "supervisor" ? (participant ?? null) : null };
  if (!relation.admin && !relation.participant) throw new NotFoundError();
  return { round: found.round, relation, state: roundState(found.round), submitted: Boolean(relation.participant?.submittedAt) };
}

/**
 * Whether the caller may see other people's ratings, the reference review and the results: an
 * admin always; a participant only once they have submitted their own (blind until then).
 */
export function seesResults(loaded: LoadedRound): boolean {
  return loaded.relation.admin || loaded.submitted;
}
