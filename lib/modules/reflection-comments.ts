import "server-only";
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { getDb } from "@/db/client";
import { memberships, modules, reflectionComments, reflections, users } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import type { Ctx } from "@/lib/core/context";
import { FEEDBACK_CONFIRM_MESSAGE, FEEDBACK_FLAGGED_MESSAGE, feedbackFlags } from "@/lib/cases/identifier-check";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { deliverLater } from "@/lib/cases/events";
import type { Pending } from "@/lib/email/send";
import { notify } from "@/lib/notifications/notify";

// Conversation on a shared reflection: the trainee's assigned supervisors comment, the trainee
// (and supervisors) reply. Only while the reflection is shared; withdrawing it hides the thread.

export type ReflectionComment = { id: string; parentId: string | null; authorName: string; authorMembershipId: string; body: string; createdAt: Date };

type Access = { reflectionId: string; ownerMembershipId: string; moduleSlug: string; isOwner: boolean; isSupervisor: boolean };

/** The caller's relation to a shared reflection of their organisation, or not-found. */
async function access(db: DbOrTx, ctx: Ctx, reflectionId: string): Promise<Access> {
  const [row] = await db
    .select({
      id: reflections.id,
      owner: reflections.membershipId,
      slug: modules.slug,
      supervises: sql<boolean>`exists (select 1 from supervisions s where s.organisation_id = ${reflections.organisationId}
        and s.trainee_membership_id = ${reflections.membershipId} and s.supervisor_membership_id = ${ctx.membershipId})`,
    })
    .from(reflections)
    .innerJoin(modules, eq(modules.id, reflections.moduleId))
    .where(and(eq(reflections.organisationId, ctx.orgId), eq(reflections.id, reflectionId), isNotNull(reflections.sharedAt)));
  if (!row) throw new NotFoundError();
  const isOwner = row.owner === ctx.membershipId;
  const isSupervisor = Boolean(row.supervises) && ctx.role === "supervisor";
  if (!isOwner && !isSupervisor) throw new NotFoundError();
  return { reflectionId: row.id, ownerMembershipId: row.owner, moduleSlug: row.slug, isOwner, isSupervisor };
}

export async function listReflectionComments(ctx: Ctx, reflectionId: string): Promise<ReflectionComment[]> {
  const db = await getDb();
  await access(db, ctx, reflectionId);
  return db
    .select({
      id: reflectionComments.id,
      parentId: reflectionComments.parentId,
      authorName: users.name,
      authorMembershipId: reflectionComments.authorMembershipId,
      body: reflectionComments.body,
      createdAt: reflectionComments.createdAt,
    })
    .from(reflectionComments)
    .innerJoin(memberships, and(eq(memberships.id, reflectionComments.authorMembershipId), eq(memberships.organisationId, reflectionComments.organisationId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(reflectionComments.organisationId, ctx.orgId), eq(reflectionComments.reflectionId, reflectionId)))
    .orderBy(asc(reflectionComments.createdAt), asc(reflectionComments.id));
}

/**
 * A supervisor starts a thread; the trainee and supervisors reply in it. The trainee can't start
 * a thread on their own reflection (the reflection is their part of the conversation).
 */
export async function addReflectionComment(ctx: Ctx, input: { reflectionId: string; parentId?: string | null; body: string; identifiersChecked?: boolean }) {
  const db = await getDb();
  let pending: Pending | undefined;
  const done = await db.transaction(async (tx) => {
    const a = await access(tx, ctx, input.reflectionId);
    let threadStarter: string | null = null;
    if (input.parentId) {
      const [parent] = await tx
        .select({ id: reflectionComments.id, author: reflectionComments.authorMembershipId })
        .from(reflectionComments)
        .where(and(eq(reflectionComments.organisationId, ctx.orgId), eq(reflectionComments.reflectionId, a.reflectionId), eq(reflectionComments.id, input.parentId), isNull(reflectionComments.parentId)));
      if (!parent) throw new NotFoundError("That comment isn't there any more. Reload the page.");
      threadStarter = parent.author;
    } else if (!a.isSupervisor) {
      throw new ValidationError("Reply to one of your supervisor's comments.");
    }
    const flags = feedbackFlags({ body: input.body });
    const flagged = Object.keys(flags).length > 0;
    if (flagged && !input.identifiersChecked) throw new ValidationError(FEEDBACK_FLAGGED_MESSAGE, { ...flags, identifiersChecked: [FEEDBACK_CONFIRM_MESSAGE] });
    const [c] = await tx
      .insert(reflectionComments)
      .values({ organisationId: ctx.orgId, reflectionId: a.reflectionId, authorMembershipId: ctx.membershipId, parentId: input.parentId ?? null, body: input.body })
      .returning({ id: reflectionComments.id });
    await auditAs(tx, ctx, {
      action: input.parentId ? "reflection.comment_replied" : "reflection.commented",
      targetType: "reflection",
      targetId: a.reflectionId,
      detail: { commentId: c.id, ...(flagged ? { flaggedFieldsConfirmed: ["body"] } : {}) },
    });
    const recipients = [...new Set([a.ownerMembershipId, ...(threadStarter ? [threadStarter] : [])])].filter((m) => m !== ctx.membershipId);
    pending = await notify(
      tx,
      recipients.map((m) => ({
        organisationId: ctx.orgId,
        recipientMembershipId: m,
        kind: "reflection_comment" as const,
        title: m === a.ownerMembershipId ? `${ctx.userName} commented on your reflection.` : `${ctx.userName} replied to your comment on a reflection.`,
        href: m === a.ownerMembershipId ? `/modules/${a.moduleSlug}/reflection` : `/trainees/${a.ownerMembershipId}`,
        actorUserId: ctx.userId,
        subjectType: "reflection",
        subjectId: a.reflectionId,
        dedupeKey: c.id,
      })),
    );
    return { id: c.id, reflectionId: a.reflectionId, ownerMembershipId: a.ownerMembershipId };
  });
  deliverLater(pending);
  return done;
}
