"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { addComment, decideReview } from "@/lib/cases/review";
import { commentInput, reviewDecisionInput } from "@/lib/cases/schemas";
import { acknowledgeRiskInput } from "@/lib/cases/risk";
import { acknowledgeRisk } from "@/lib/cases/risk-review";

export const decideReviewAction = authedAction({ schema: reviewDecisionInput }, async (ctx, input) => {
  const done = await decideReview(ctx, input);
  revalidatePath("/reviews");
  revalidatePath(`/reviews/${done.caseId}`);
  return done;
});

export const addCommentAction = authedAction({ schema: commentInput }, async (ctx, input) => {
  const done = await addComment(ctx, input);
  revalidatePath(`/reviews/${input.caseId}`);
  return done;
});

export const acknowledgeRiskAction = authedAction({ schema: acknowledgeRiskInput }, async (ctx, input) => {
  const done = await acknowledgeRisk(ctx, input);
  revalidatePath("/reviews");
  revalidatePath(`/reviews/${done.caseId}`);
  return done;
});
