"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { rateAttempt } from "@/lib/practice/feedback";
import { feedbackInput } from "@/lib/practice/schemas";

export const rateResponseAction = authedAction({ schema: feedbackInput, permission: "practice.supervise" }, async (ctx, input) => {
  const r = await rateAttempt(ctx, input);
  revalidatePath(`/practice/attempts/${input.attemptId}`);
  revalidatePath("/practice");
  return r;
});
