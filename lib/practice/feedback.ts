import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { practiceFeedback } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { deliverLater } from "@/lib/cases/events";
import type { Pending } from "@/lib/email/send";
import { loadAttempt } from "./access";
import { feedbackGiven } from "./events";
import type { z } from "zod";
import type { feedbackInput } from "./schemas";

// A supervisor's feedback on a trainee's response: the repair strategies it shows, the three
// anchored scales (lib/practice/scales.ts) and a comment. One per supervisor and response; rating
// again updates it. Only a supervisor of the response's trainee may rate it.

export async function rateAttempt(ctx: Ctx, input: z.output<typeof feedbackInput>): Promise<{ id: string; updated: boolean }> {
  assertCan(ctx, "practice.supervise");
  const db = await getDb();
  let pending: Pending | undefined;
  const out = await db.transaction(async (tx) => {
    const loaded = await loadAttempt(tx, ctx, input.attemptId);
    // A supervisor's own practice is not theirs to rate.
    if (!loaded.relation.supervisor || loaded.relation.own) throw new NotFoundError();
    const values = {
      strategies: [...new Set(input.strategies)],
      attunement: input.attunement,
      nonDefensiveness: input.nonDefensiveness,
      invitation: input.invitation,
      comment: input.comment,
    };
    const [existing] = await tx
      .select({ id: practiceFeedback.id })
      .from(practiceFeedback)
      .where(and(eq(practiceFeedback.organisationId, ctx.orgId), eq(practiceFeedback.attemptId, loaded.row.id), eq(practiceFeedback.reviewerMembershipId, ctx.membershipId)))
      .for("update");
    let id: string;
    if (existing) {
      await tx
        .update(practiceFeedback)
        .set({ ...values, version: sql`${practiceFeedback.version} + 1`, updatedAt: new Date() })
        .where(and(eq(practiceFeedback.id, existing.id), eq(practiceFeedback.organisationId, ctx.orgId)));
      id = existing.id;
    } else {
      const [row] = await tx
        .insert(practiceFeedback)
        .values({ organisationId: ctx.orgId, attemptId: loaded.row.id, reviewerMembershipId: ctx.membershipId, ...values })
        .returning({ id: practiceFeedback.id });
      id = row.id;
    }
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: existing ? "practice.feedback_updated" : "practice.feedback_given",
      targetType: "practice_attempt",
      targetId: loaded.row.id,
      detail: { name: loaded.row.drillTitle, strategies: values.strategies.length },
    });
    pending = await feedbackGiven(tx, ctx, { attemptId: loaded.row.id, traineeMembershipId: loaded.row.traineeMembershipId, drillTitle: loaded.row.drillTitle });
    return { id, updated: Boolean(existing) };
  });
  deliverLater(pending);
  return out;
}
