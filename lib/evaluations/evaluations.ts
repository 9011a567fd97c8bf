import "server-only";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { evaluationFormVersions, evaluationResponses, evaluationRounds, evaluations, memberships, users, type FormDefinition, type StoredCompetencyRating } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { deliverLater } from "@/lib/cases/events";
import type { Pending } from "@/lib/email/send";
import { keyPage } from "@/lib/util/pagination";
import { loadEvaluation, supervisesTrainee, type EvaluationRelation } from "./access";
import { checkResponse, competenciesOf, type ResponseValues } from "./definition";
import { sideSigned, sideSubmitted } from "./events";
import { sameName } from "./schemas";
import { bothSubmitted, mayRead, type EvaluationState, type Side } from "./status";

// One evaluation: the trainee's self-evaluation and the supervisor's evaluation, each saved as a
// draft and then submitted; neither sees the other's answers until both are submitted; then both
// sign with their typed name and the evaluation locks. The trainee may record a disagreement when
// signing. Two versions guard concurrent work: each side's response row (drafts, submission) and
// the evaluation row (signatures, evaluator changes).

const PAGE = 25;
const trainee = alias(memberships, "trainee");
const traineeUser = alias(users, "trainee_user");
const evaluator = alias(memberships, "evaluator");
const evaluatorUser = alias(users, "evaluator_user");

export type MyEvaluationRow = EvaluationState & {
  id: string;
  roundId: string;
  roundName: string;
  dueOn: string | null;
  traineeMembershipId: string;
  traineeName: string;
  evaluatorName: string | null;
  traineeSignedAt: Date | null;
  supervisorSignedAt: Date | null;
  createdAt: Date;
};

/** A trainee's own evaluations, or those of a supervisor's trainees; newest first, a page at a time. */
export async function listMyEvaluations(ctx: Ctx, after?: { at: string; id: string }): Promise<{ rows: MyEvaluationRow[]; next: { at: string; id: string } | null }> {
  assertCan(ctx, "evaluations.respond");
  const db = await getDb();
  const rows = await db
    .select({
      id: evaluations.id,
      roundId: evaluations.roundId,
      roundName: evaluationRounds.name,
      dueOn: evaluationRounds.dueOn,
      traineeMembershipId: evaluations.traineeMembershipId,
      traineeName: traineeUser.name,
      evaluatorMembershipId: evaluations.evaluatorMembershipId,
      evaluatorName: evaluatorUser.name,
      selfSubmittedAt: evaluations.selfSubmittedAt,
      supervisorSubmittedAt: evaluations.supervisorSubmittedAt,
      traineeSignedAt: evaluations.traineeSignedAt,
      supervisorSignedAt: evaluations.supervisorSignedAt,
      lockedAt: evaluations.lockedAt,
      createdAt: evaluations.createdAt,
    })
    .from(evaluations)
    .innerJoin(evaluationRounds, and(eq(evaluationRounds.id, evaluations.roundId), eq(evaluationRounds.organisationId, evaluations.organisationId)))
    .innerJoin(trainee, and(eq(trainee.id, evaluations.traineeMembershipId), eq(trainee.organisationId, evaluations.organisationId)))
    .innerJoin(traineeUser, eq(traineeUser.id, trainee.userId))
    .leftJoin(evaluator, and(eq(evaluator.id, evaluations.evaluatorMembershipId), eq(evaluator.organisationId, evaluations.organisationId)))
    .leftJoin(evaluatorUser, eq(evaluatorUser.id, evaluator.userId))
    .where(
      and(
        eq(evaluations.organisationId, ctx.orgId),
        ctx.role === "trainee" ? eq(evaluations.traineeMembershipId, ctx.membershipId) : supervisesTrainee(ctx),
        after ? or(lt(evaluations.createdAt, new Date(after.at)), and(eq(evaluations.createdAt, new Date(after.at)), lt(evaluations.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(evaluations.createdAt), desc(evaluations.id))
    .limit(PAGE + 1);
  return keyPage(rows, PAGE, (last) => ({ at: last.createdAt.toISOString(), id: last.id }));
}

export type ResponseView = ResponseValues & { submittedAt: Date | null; updatedAt: Date; version: number; authorName: string };

export type EvaluationView = EvaluationState & {
  id: string;
  version: number;
  roundId: string;
  roundName: string;
  dueOn: string | null;
  traineeMembershipId: string;
  traineeName: string;
  evaluatorName: string | null;
  form: { name: string; number: number; definition: FormDefinition };
  traineeSignedName: string | null;
  traineeSignedAt: Date | null;
  supervisorSignedName: string | null;
  supervisorSignedAt: Date | null;
  supervisorSignerName: string | null;
  disagreement: string | null;
  relation: EvaluationRelation;
  /** The side the caller completes, if any. */
  side: Side | null;
  /** Each side's answers, or null when the caller may not read them yet (or nothing is saved). */
  self: ResponseView | null;
  supervisor: ResponseView | null;
};

const signer = alias(memberships, "signer");
const signerUser = alias(users, "signer_user");

export async function getEvaluation(ctx: Ctx, evaluationId: string): Promise<EvaluationView> {
  assertCan(ctx, "evaluations.view");
  const db = await getDb();
  const loaded = await loadEvaluation(db, ctx, evaluationId);
  const e = loaded.row;
  const [[meta], responses] = await Promise.all([
    db
      .select({
        formName: evaluationFormVersions.name,
        formNumber: evaluationFormVersions.number,
        definition: evaluationFormVersions.definition,
        dueOn: evaluationRounds.dueOn,
        traineeName: traineeUser.name,
        evaluatorName: evaluatorUser.name,
        signerName: signerUser.name,
      })
      .from(evaluationRounds)
      .innerJoin(evaluationFormVersions, and(eq(evaluationFormVersions.id, evaluationRounds.formVersionId), eq(evaluationFormVersions.organisationId, evaluationRounds.organisationId)))
      .innerJoin(trainee, and(eq(trainee.id, sql`${e.traineeMembershipId}::uuid`), eq(trainee.organisationId, evaluationRounds.organisationId)))
      .innerJoin(traineeUser, eq(traineeUser.id, trainee.userId))
      .leftJoin(evaluator, and(eq(evaluator.id, sql`${e.evaluatorMembershipId}::uuid`), eq(evaluator.organisationId, evaluationRounds.organisationId)))
      .leftJoin(evaluatorUser, eq(evaluatorUser.id, evaluator.userId))
      .leftJoin(signer, and(eq(signer.id, sql`${e.supervisorSignedMembershipId}::uuid`), eq(signer.organisationId, evaluationRounds.organisationId)))
      .leftJoin(signerUser, eq(signerUser.id, signer.userId))
      .where(and(eq(evaluationRounds.id, e.roundId), eq(evaluationRounds.organisationId, ctx.orgId))),
    db
      .select({ side: evaluationResponses.side, row: evaluationResponses, authorName: users.name })
      .from(evaluationResponses)
      .innerJoin(memberships, and(eq(memberships.id, evaluationResponses.authorMembershipId), eq(memberships.organisationId, evaluationResponses.organisationId)))
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(evaluationResponses.organisationId, ctx.orgId), eq(evaluationResponses.evaluationId, e.id))),
  ]);
  if (!meta) throw new NotFoundError();
  // Hidden until both are in: the server never sends the other side's answers before then.
  const view = (side: Side): ResponseView | null => {
    if (!mayRead(side, loaded.side, e)) return null;
    const r = responses.find((x) => x.side === side);
    if (!r) return null;
    // A draft is only ever shown to its author.
    if (!r.row.submittedAt && loaded.side !== side) return null;
    return { ratings: r.row.ratings, overallComment: r.row.overallComment, recommendation: r.row.recommendation, submittedAt: r.row.submittedAt, updatedAt: r.row.updatedAt, version: r.row.version, authorName: r.authorName };
  };
  return {
    id: e.id,
    version: e.version,
    roundId: e.roundId,
    roundName: loaded.roundName,
    dueOn: meta.dueOn,
    traineeMembershipId: e.traineeMembershipId,
    traineeName: meta.traineeName,
    evaluatorMembershipId: e.evaluatorMembershipId,
    evaluatorName: meta.evaluatorName,
    form: { name: meta.formName, number: meta.formNumber, definition: meta.definition },
    selfSubmittedAt: e.selfSubmittedAt,
    supervisorSubmittedAt: e.supervisorSubmittedAt,
    traineeSignedName: e.traineeSignedName,
    traineeSignedAt: e.traineeSignedAt,
    supervisorSignedName: e.supervisorSignedName,
    supervisorSignedAt: e.supervisorSignedAt,
    supervisorSignerName: meta.signerName,
    disagreement: e.disagreement,
    lockedAt: e.lockedAt,
    relation: loaded.relation,
    side: loaded.side,
    self: view("self"),
    supervisor: view("supervisor"),
  };
}

/** Keeps what was answered: empty ratings and comments are dropped, unknown competencies too. */
function tidy(def: FormDefinition, ratings: Record<string, StoredCompetencyRating>): Record<string, StoredCompetencyRating> {
  const known = new Set(competenciesOf(def).map((c) => c.code));
  const out: Record<string, StoredCompetencyRating> = {};
  for (const [code, r] of Object.entries(ratings)) {
    if (!known.has(code) || (!r.rating && !r.comment)) continue;
    out[code] = r.comment ? { rating: r.rating, comment: r.comment } : { rating: r.rating };
  }
  return out;
}

export type SaveResult = { version: number; submitted: boolean; bothSubmitted: boolean };

/**
 * Saves the caller's side as a draft, or submits it (`submit`: complete, then frozen). The
 * evaluation row is locked first, so the two sides' submissions are serialised and exactly one
 * of them sees that both are in.
 */
export async function saveResponse(
  ctx: Ctx,
  input: { evaluationId: string; version: number; ratings: Record<string, StoredCompetencyRating>; overallComment: string; recommendation: string | null },
  opts: { submit: boolean },
): Promise<SaveResult> {
  assertCan(ctx, "evaluations.respond");
  const db = await getDb();
  let pending: Pending | undefined;
  try {
    const out = await db.transaction(async (tx) => {
      const loaded = await loadEvaluation(tx, ctx, input.evaluationId, { forUpdate: true });
      const side = loaded.side;
      // Reading an evaluation is not completing it: co-supervisors and admins write nothing.
      if (!side) throw new NotFoundError();
      const e = loaded.row;
      if (e.lockedAt) throw new ConflictError("This evaluation is signed and locked: nothing in it can change.");
      if (side === "self" ? e.selfSubmittedAt : e.supervisorSubmittedAt) {
        throw new ConflictError("You have already submitted your side of this evaluation, so it can't change now. Reload to see where it stands.");
      }
      const [form] = await tx
        .select({ definition: evaluationFormVersions.definition })
        .from(evaluationFormVersions)
        .where(and(eq(evaluationFormVersions.id, loaded.formVersionId), eq(evaluationFormVersions.organisationId, ctx.orgId)));
      if (!form) throw new NotFoundError();
      const values = { ratings: input.ratings, overallComment: input.overallComment, recommendation: input.recommendation };
      const errors = checkResponse(form.definition, values, { complete: opts.submit, side });
      if (Object.keys(errors).length > 0) {
        throw new ValidationError(
          opts.submit ? "Some answers are missing or not on the scale. Each one is marked in the form; your answers so far are kept in the form." : "Check the highlighted answers.",
          errors,
        );
      }
      const ratings = tidy(form.definition, input.ratings);
      const now = new Date();
      const [existing] = await tx
        .select({ id: evaluationResponses.id, version: evaluationResponses.version })
        .from(evaluationResponses)
        .where(and(eq(evaluationResponses.organisationId, ctx.orgId), eq(evaluationResponses.evaluationId, e.id), eq(evaluationResponses.side, side)));
      const stale = () =>
        new ConflictError("Your answers were saved somewhere else (another tab or device) while you were working. Copy anything you want to keep, then reload to see the latest version.");
      let version: number;
      if (!existing) {
        if (input.version !== 0) throw stale();
        await tx.insert(evaluationResponses).values({
          organisationId: ctx.orgId,
          evaluationId: e.id,
          side,
          authorMembershipId: ctx.membershipId,
          ratings,
          overallComment: input.overallComment,
          recommendation: input.recommendation,
          submittedAt: opts.submit ? now : null,
          version: 1,
          updatedAt: now,
        });
        version = 1;
      } else {
        if (existing.version !== input.version) throw stale();
        const [row] = await tx
          .update(evaluationResponses)
          .set({ ratings, overallComment: input.overallComment, recommendation: input.recommendation, submittedAt: opts.submit ? now : null, version: sql`${evaluationResponses.version} + 1`, updatedAt: now })
          .where(and(eq(evaluationResponses.id, existing.id), eq(evaluationResponses.organisationId, ctx.orgId), eq(evaluationResponses.version, input.version)))
          .returning({ version: evaluationResponses.version });
        if (!row) throw stale();
        version = row.version;
      }
      let both = false;
      if (opts.submit) {
        const [after] = await tx
          .update(evaluations)
          .set({ ...(side === "self" ? { selfSubmittedAt: now } : { supervisorSubmittedAt: now }), version: sql`${evaluations.version} + 1`, updatedAt: now })
          .where(and(eq(evaluations.id, e.id), eq(evaluations.organisationId, ctx.orgId)))
          .returning({ selfSubmittedAt: evaluations.selfSubmittedAt, supervisorSubmittedAt: evaluations.supervisorSubmittedAt });
        both = bothSubmitted(after);
        pending = await sideSubmitted(tx, ctx, {
          id: e.id,
          roundName: loaded.roundName,
          side,
          traineeMembershipId: e.traineeMembershipId,
          evaluatorMembershipId: e.evaluatorMembershipId,
          bothIn: both,
        });
      }
      await audit(tx, {
        organisationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: opts.submit ? "evaluation.submitted" : "evaluation.draft_saved",
        targetType: "evaluation",
        targetId: e.id,
        detail: { side, version, bothSubmitted: both },
      });
      return { version, submitted: opts.submit, bothSubmitted: both };
    });
    deliverLater(pending);
    return out;
  } catch (err) {
    // Two first saves of one side at the same moment: the second insert meets the first's row.
    if (isUniqueViolation(err)) throw new ConflictError("Your answers were saved somewhere else (another tab or device) at the same moment. Reload to see the latest version.");
    throw err;
  }
}

/**
 * Typed-name attestation by the trainee or the evaluator, once both sides are submitted. The
 * second signature locks the evaluation. `version` is the evaluation's as the signer read it:
 * if the other person signed or recorded a disagreement since, the signer is asked to read again.
 */
export async function signEvaluation(ctx: Ctx, input: { evaluationId: string; version: number; name: string; disagree: boolean; disagreement: string }) {
  assertCan(ctx, "evaluations.respond");
  const db = await getDb();
  let pending: Pending | undefined;
  const out = await db.transaction(async (tx) => {
    const loaded = await loadEvaluation(tx, ctx, input.evaluationId, { forUpdate: true });
    const side = loaded.side;
    if (!side) throw new NotFoundError();
    const e = loaded.row;
    if (e.lockedAt) throw new ConflictError("This evaluation is already signed by both of you and locked.");
    if (!bothSubmitted(e)) throw new ConflictError("Both sides must be submitted before anyone signs. You'll be told when the other side is in.");
    if (side === "self" ? e.traineeSignedAt : e.supervisorSignedAt) throw new ConflictError("You have already signed this evaluation.");
    if (e.version !== input.version) {
      throw new ConflictError("This evaluation changed while you were reading it: the other person may have signed or recorded a disagreement. Reload, read it again, then sign.");
    }
    if (!sameName(input.name, ctx.userName)) throw new ValidationError("Check the highlighted fields.", { name: [`Type your name as it appears on your account: ${ctx.userName}.`] });
    if (side === "supervisor" && input.disagree) throw new ValidationError("Check the highlighted fields.", { disagreement: ["Only the trainee records a disagreement. Add your view to your overall comment before you submit."] });
    const now = new Date();
    const otherSigned = side === "self" ? e.supervisorSignedAt : e.traineeSignedAt;
    const disagreement = side === "self" && input.disagree ? input.disagreement : null;
    const [after] = await tx
      .update(evaluations)
      .set({
        ...(side === "self"
          ? { traineeSignedName: input.name, traineeSignedAt: now, disagreement }
          : { supervisorSignedName: input.name, supervisorSignedAt: now, supervisorSignedMembershipId: ctx.membershipId }),
        lockedAt: otherSigned ? now : null,
        version: sql`${evaluations.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(evaluations.id, e.id), eq(evaluations.organisationId, ctx.orgId), eq(evaluations.version, input.version)))
      .returning({ lockedAt: evaluations.lockedAt, version: evaluations.version });
    if (!after) throw new ConflictError();
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "evaluation.signed",
      targetType: "evaluation",
      targetId: e.id,
      detail: { side, locked: Boolean(after.lockedAt), disagreement: Boolean(disagreement) },
    });
    pending = await sideSigned(tx, ctx, {
      id: e.id,
      roundName: loaded.roundName,
      side,
      traineeMembershipId: e.traineeMembershipId,
      evaluatorMembershipId: e.evaluatorMembershipId,
      locked: Boolean(after.lockedAt),
      disagreement: Boolean(disagreement),
    });
    return { locked: Boolean(after.lockedAt), version: after.version };
  });
  deliverLater(pending);
  return out;
}
