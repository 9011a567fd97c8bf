"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { saveResponse, signEvaluation } from "@/lib/evaluations/evaluations";
import { responseInput, signInput } from "@/lib/evaluations/schemas";

export const saveResponseAction = authedAction({ schema: responseInput, permission: "evaluations.respond" }, async (ctx, input) => {
  return saveResponse(ctx, input, { submit: false });
});

export const submitResponseAction = authedAction({ schema: responseInput, permission: "evaluations.respond" }, async (ctx, input) => {
  const r = await saveResponse(ctx, input, { submit: true });
  revalidatePath(`/evaluations/${input.evaluationId}`);
  revalidatePath("/evaluations");
  return r;
});

export const signEvaluationAction = authedAction({ schema: signInput, permission: "evaluations.respond" }, async (ctx, input) => {
  const r = await signEvaluation(ctx, input);
  revalidatePath(`/evaluations/${input.evaluationId}`);
  revalidatePath("/evaluations");
  return r;
});
