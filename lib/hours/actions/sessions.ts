"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { recordSession, updateSession } from "@/lib/hours/sessions";
import { sessionInput, sessionUpdate } from "@/lib/hours/schemas";

export const recordSessionAction = authedAction({ schema: sessionInput, permission: "hours.supervise" }, async (ctx, input) => {
  const r = await recordSession(ctx, { ...input, minutes: input.duration });
  revalidatePath("/hours/sessions");
  return r;
});

export const updateSessionAction = authedAction({ schema: sessionUpdate, permission: "hours.supervise" }, async (ctx, input) => {
  const r = await updateSession(ctx, input);
  revalidatePath(`/hours/sessions/${input.id}`);
  return r;
});
