"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { assignEvaluator, openRound } from "@/lib/evaluations/rounds";
import { assignEvaluatorInput, openRoundInput } from "@/lib/evaluations/schemas";

export const openRoundAction = authedAction({ schema: openRoundInput, permission: "evaluations.open" }, async (ctx, input) => {
  const opened = await openRound(ctx, input);
  revalidatePath("/evaluations");
  return opened;
});

export const assignEvaluatorAction = authedAction({ schema: assignEvaluatorInput, permission: "org.manage" }, async (ctx, input) => {
  const r = await assignEvaluator(ctx, input);
  revalidatePath("/evaluations");
  return r;
});
