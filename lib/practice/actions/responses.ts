"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { submitSpokenResponse, submitTypedResponse } from "@/lib/practice/attempts";
import { logPracticeHours } from "@/lib/practice/hours";
import { logHoursInput, spokenResponseInput, typedResponseInput } from "@/lib/practice/schemas";

export const submitTypedResponseAction = authedAction({ schema: typedResponseInput, permission: "practice.use" }, async (ctx, input) => {
  const r = await submitTypedResponse(ctx, input);
  revalidatePath("/practice");
  return r;
});

export const submitSpokenResponseAction = authedAction({ schema: spokenResponseInput, permission: "practice.use" }, async (ctx, input) => {
  const r = await submitSpokenResponse(ctx, input);
  revalidatePath("/practice");
  return r;
});

export const logPracticeHoursAction = authedAction({ schema: logHoursInput, permission: "hours.log" }, async (ctx, input) => {
  const r = await logPracticeHours(ctx, input);
  revalidatePath(`/practice/attempts/${input.attemptId}`);
  revalidatePath("/hours");
  return r;
});
