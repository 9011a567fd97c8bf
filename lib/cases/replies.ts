import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { caseComments } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import type { Ctx } from "@/lib/core/context";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { loadCase } from "./access";
import { caseCommented, deliverLater } from "./events";
import type { Pending } from "@/lib/email/send";
import { FEEDBACK_CONFIRM_MESSAGE, FEEDBACK_FLAGGED_MESSAGE, feedbackFlags } from "./identifier-check";

/**
 * A reply in a comment's thread, by the case's author or an assigned supervisor (anyone who can
 * read the whole case). Threads are one level deep: a reply answers the comment that started the
 * thread. The text is scanned for identifying details like all feedback.
 */
export async function replyToComment(ctx: Ctx, input: { caseId: string; parentId: string; body: string; identifiersChecked?: boolean }) {
  const db = await getDb();
  let pending: Pending | undefined;
  const done = await db.transaction(async (tx) => {
    const loaded = await loadCase(tx, ctx, input.caseId, { forUpdate: true });
    if (loaded.level !== "full") throw new NotFoundError();
    const [parent] = await tx
      .select({ id: caseComments.id, focus: caseComments.focus, caseVersionId: caseComments.caseVersionId, authorMembershipId: caseComments.authorMembershipId })
      .from(caseComments)
      .where(and(eq(caseComments.organisationId, ctx.orgId), eq(caseComments.caseId, loaded.row.id), eq(caseComments.id, input.parentId), isNull(caseComments.parentId)));
    if (!parent) throw new NotFoundError("That comment isn't there any more. Reload the page.");
    const flags = feedbackFlags({ body: input.body });
    const flagged = Object.keys(flags).length > 0;
    if (flagged && !input.identifiersChecked) throw new ValidationError(FEEDBACK_FLAGGED_MESSAGE, { ...flags, identifiersChecked: [FEEDBACK_CONFIRM_MESSAGE] });
    const [c] = await tx
      .insert(caseComments)
      .values({
        organisationId: ctx.orgId,
        caseId: loaded.row.id,
        caseVersionId: parent.caseVersionId,
        authorMembershipId: ctx.membershipId,
        focus: parent.focus,
        body: input.body,
        parentId: parent.id,
        createdAt: new Date(),
      })
      .returning({ id: caseComments.id });
    await auditAs(tx, ctx, {
      action: "case.comment_replied",
      targetType: "case",
      targetId: loaded.row.id,
      detail: { commentId: c.id, parentId: parent.id, ...(flagged ? { flaggedFieldsConfirmed: ["body"] } : {}) },
    });
    // The other party: a trainee's reply goes to whoever started the thread and anyone else in it; a supervisor's to the trainee.
    const inThread = await tx
      .select({ m: caseComments.authorMembershipId })
      .from(caseComments)
      .where(and(eq(caseComments.organisationId, ctx.orgId), eq(caseComments.parentId, parent.id)));
    const recipients = [loaded.row.authorMembershipId, parent.authorMembershipId, ...inThread.map((r) => r.m)];
    pending = await caseCommented(tx, ctx, { caseId: loaded.row.id, clientCode: loaded.row.clientCode, authorMembershipId: loaded.row.authorMembershipId, commentId: c.id, recipients });
    return { id: c.id, caseId: loaded.row.id, authorMembershipId: loaded.row.authorMembershipId, parentAuthorMembershipId: parent.authorMembershipId };
  });
  deliverLater(pending);
  return done;
}
