import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { caseComments, cases, caseReviews, caseVersions } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import type { Ctx } from "@/lib/core/context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { authorise, loadCase } from "./access";
import type { FeedbackFocus } from "./codes";
import { FEEDBACK_FLAGGED_MESSAGE, FEEDBACK_CONFIRM_MESSAGE, feedbackFlags } from "./identifier-check";
import { reviewFeedbackFlags, storedReviewEntries } from "./review-entries";
import type { ReviewDecisionInput } from "./schemas";
import { nextStatus, type CaseStatus } from "./workflow";
import { recordTransition } from "@/lib/cases/case-store";
import { caseCommented, caseDecided, deliverLater } from "./events";
import type { Pending } from "@/lib/email/send";

async function latestVersion(tx: DbOrTx, orgId: string, caseId: string) {
  const [v] = await tx
    .select()
    .from(caseVersions)
    .where(and(eq(caseVersions.organisationId, orgId), eq(caseVersions.caseId, caseId)))
    .orderBy(desc(caseVersions.number))
    .limit(1);
  if (!v) throw new NotFoundError();
  return v;
}

/**
 * A supervisor's decision on the submitted version: notes on c1 and c2, ratings with evidence for
 * the trainee's chosen conditions and any the supervisor adds (quotes located in the narrative),
 * then request changes or sign off. Two reviewers deciding at once:
 * the version check lets exactly one through; the other is told the case changed.
 */
export async function decideReview(ctx: Ctx, input: ReviewDecisionInput) {
  const db = await getDb();
  const now = new Date();
  let pending: Pending | undefined;
  const done = await db.transaction(async (tx) => {
    const loaded = await loadCase(tx, ctx, input.caseId, { forUpdate: true });
    const action = input.decision === "signed_off" ? "sign_off" : "request_changes";
    authorise(loaded, action, input.version);
    const flags = reviewFeedbackFlags(input);
    const flagged = Object.keys(flags).length;
    if (flagged && !input.identifiersChecked) throw new ValidationError(FEEDBACK_FLAGGED_MESSAGE, { ...flags, identifiersChecked: [FEEDBACK_CONFIRM_MESSAGE] });
    const submitted = await latestVersion(tx, ctx.orgId, loaded.row.id);
    const entries = storedReviewEntries(input, submitted);
    if (!entries.ok) throw new ValidationError(entries.message, entries.errors);
    const ratings = entries.ratings;

    const to = nextStatus(action);
    const from = loaded.row.status as CaseStatus;
    const [row] = await tx
      .update(cases)
      .set({
        status: to,
        version: sql`${cases.version} + 1`,
        updatedAt: now,
        ...(to === "signed_off" ? { signedOffAt: now, signedOffByMembershipId: ctx.membershipId, signedOffVersion: submitted.number } : {}),
      })
      .where(and(eq(cases.id, loaded.row.id), eq(cases.organisationId, ctx.orgId), eq(cases.version, input.version), eq(cases.status, from)))
      .returning({ version: cases.version });
    if (!row) throw new ConflictError("This case changed while you were reviewing it: someone else may have reviewed it. Reload to see the latest version.");
    const [review] = await tx
      .insert(caseReviews)
      .values({
        organisationId: ctx.orgId,
        caseId: loaded.row.id,
        caseVersionId: submitted.id,
        caseVersion: row.version,
        reviewerMembershipId: ctx.membershipId,
        ratings,
        decision: to === "signed_off" ? "signed_off" : "changes_requested",
        whatToChange: input.decision === "changes_requested" ? (input.whatToChange ?? null) : null,
        createdAt: now,
      })
      .returning({ id: caseReviews.id });
    await recordTransition(tx, ctx, { caseId: loaded.row.id, from, to, caseVersion: row.version, at: now });
    await auditAs(tx, ctx, {
      action: to === "signed_off" ? "case.signed_off" : "case.changes_requested",
      targetType: "case",
      targetId: loaded.row.id,
      // Which fields were flagged and confirmed by the supervisor: never the text itself.
      detail: { from, to, caseVersion: row.version, submission: submitted.number, reviewId: review.id, ...(flagged ? { flaggedFieldsConfirmed: Object.keys(flags) } : {}) },
    });
    pending = await caseDecided(tx, ctx, { caseId: loaded.row.id, clientCode: loaded.row.clientCode, authorMembershipId: loaded.row.authorMembershipId, kind: to === "signed_off" ? "signed_off" : "changes_requested", version: row.version });
    return { caseId: loaded.row.id, status: to, version: row.version };
  });
  deliverLater(pending);
  return done;
}

/** A feedback comment on the version under review, tagged with its Bernard focus. */
export async function addComment(ctx: Ctx, input: { caseId: string; focus: FeedbackFocus; body: string; identifiersChecked?: boolean }) {
  const db = await getDb();
  let pending: Pending | undefined;
  const done = await db.transaction(async (tx) => {
    const loaded = await loadCase(tx, ctx, input.caseId, { forUpdate: true });
    authorise(loaded, "comment");
    const flags = feedbackFlags({ body: input.body });
    const flagged = Object.keys(flags).length > 0;
    if (flagged && !input.identifiersChecked) throw new ValidationError(FEEDBACK_FLAGGED_MESSAGE, { ...flags, identifiersChecked: [FEEDBACK_CONFIRM_MESSAGE] });
    const submitted = await latestVersion(tx, ctx.orgId, loaded.row.id);
    const [c] = await tx
      .insert(caseComments)
      .values({
        organisationId: ctx.orgId,
        caseId: loaded.row.id,
        caseVersionId: submitted.id,
        authorMembershipId: ctx.membershipId,
        focus: input.focus,
        body: input.body,
        createdAt: new Date(),
      })
      .returning({ id: caseComments.id });
    await auditAs(tx, ctx, {
      action: "case.commented",
      targetType: "case",
      targetId: loaded.row.id,
      detail: { commentId: c.id, focus: input.focus, submission: submitted.number, ...(flagged ? { flaggedFieldsConfirmed: ["body"] } : {}) },
    });
    pending = await caseCommented(tx, ctx, { caseId: loaded.row.id, clientCode: loaded.row.clientCode, authorMembershipId: loaded.row.authorMembershipId, commentId: c.id, recipients: [loaded.row.authorMembershipId] });
    return { id: c.id };
  });
  deliverLater(pending);
  return done;
}

/** Reopens a signed-off case (assigned supervisor or org_admin), with a recorded reason. */
export async function reopenCase(ctx: Ctx, input: { caseId: string; version: number; reason: string }) {
  const db = await getDb();
  const now = new Date();
  let pending: Pending | undefined;
  const done = await db.transaction(async (tx) => {
    const loaded = await loadCase(tx, ctx, input.caseId, { forUpdate: true });
    authorise(loaded, "reopen", input.version);
    const to = nextStatus("reopen");
    const [row] = await tx
      .update(cases)
      .set({ status: to, version: sql`${cases.version} + 1`, updatedAt: now, signedOffAt: null, signedOffByMembershipId: null, signedOffVersion: null })
      .where(and(eq(cases.id, loaded.row.id), eq(cases.organisationId, ctx.orgId), eq(cases.version, input.version), eq(cases.status, "signed_off")))
      .returning({ version: cases.version });
    if (!row) throw new ConflictError();
    await recordTransition(tx, ctx, { caseId: loaded.row.id, from: "signed_off", to, caseVersion: row.version, reason: input.reason, at: now });
    await auditAs(tx, ctx, {
      action: "case.reopened",
      targetType: "case",
      targetId: loaded.row.id,
      detail: { from: "signed_off", to, caseVersion: row.version, reason: input.reason },
    });
    pending = await caseDecided(tx, ctx, { caseId: loaded.row.id, clientCode: loaded.row.clientCode, authorMembershipId: loaded.row.authorMembershipId, kind: "case_reopened", version: row.version });
    return { caseId: loaded.row.id, status: to, version: row.version };
  });
  deliverLater(pending);
  return done;
}
