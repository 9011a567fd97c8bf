import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { calibrationCases, calibrationParticipants } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import type { Ctx } from "@/lib/core/context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { FEEDBACK_CONFIRM_MESSAGE, FEEDBACK_FLAGGED_MESSAGE } from "@/lib/cases/identifier-check";
import { reviewFeedbackFlags, storedReviewEntries } from "@/lib/cases/review-entries";
import { loadRound } from "./access";
import type { CalibrationReviewInput } from "./schemas";

/**
 * An invited supervisor's review of the round's reference case, by the same rules as a case review
 * (lib/cases/review-entries.ts): notes on c1/c2, every condition the case's trainee chose rated with
 * evidence, quotes found in the narrative, feedback scanned for identifiers. Submitted once; only
 * then does the supervisor see the others' ratings.
 */
export async function submitCalibrationReview(ctx: Ctx, input: Omit<CalibrationReviewInput, "identifiersChecked"> & { identifiersChecked?: boolean }): Promise<{ roundId: string }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const loaded = await loadRound(tx, ctx, input.roundId, { forUpdate: true });
    const me = loaded.relation.participant;
    // Admins see rounds but review nothing: only an invited supervisor submits.
    if (!me) throw new NotFoundError();
    if (me.submittedAt) throw new ConflictError("You have already submitted your review for this round. Reload to see the group's results.");
    if (loaded.state === "closed") throw new ConflictError("This round has closed, so reviews can no longer be submitted.");
    const flags = reviewFeedbackFlags(input);
    const flagged = Object.keys(flags).length;
    if (flagged && !input.identifiersChecked) throw new ValidationError(FEEDBACK_FLAGGED_MESSAGE, { ...flags, identifiersChecked: [FEEDBACK_CONFIRM_MESSAGE] });
    const [reference] = await tx
      .select({ content: calibrationCases.content, codeListVersion: calibrationCases.codeListVersion })
      .from(calibrationCases)
      .where(and(eq(calibrationCases.id, loaded.round.referenceCaseId), eq(calibrationCases.organisationId, ctx.orgId)));
    if (!reference) throw new NotFoundError();
    const entries = storedReviewEntries(input, reference);
    if (!entries.ok) throw new ValidationError(entries.message, entries.errors);
    const [row] = await tx
      .update(calibrationParticipants)
      .set({ ratings: entries.ratings, decision: input.decision, whatToChange: input.decision === "changes_requested" ? (input.whatToChange ?? null) : null, submittedAt: new Date() })
      .where(and(eq(calibrationParticipants.id, me.id), eq(calibrationParticipants.organisationId, ctx.orgId), isNull(calibrationParticipants.submittedAt)))
      .returning({ id: calibrationParticipants.id });
    if (!row) throw new ConflictError("You have already submitted your review for this round. Reload to see the group's results.");
    await auditAs(tx, ctx, {
      action: "calibration.review_submitted",
      targetType: "calibration_round",
      targetId: loaded.round.id,
      detail: { rated: Object.keys(entries.ratings).filter((c) => "rating" in entries.ratings[c]).length, ...(flagged ? { flaggedFieldsConfirmed: Object.keys(flags) } : {}) },
    });
    return { roundId: loaded.round.id };
  });
}
