"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/core/action";
import { changePassword } from "@/lib/auth/account";
import { endMyOtherSessions, endMySession } from "@/lib/auth/my-sessions";
import { changePasswordInput } from "@/lib/auth/schemas";
import { requestEmailVerification } from "@/lib/auth/email-verification";
import { setPreferences } from "@/lib/notifications/preferences";
import { notificationPreferencesInput } from "@/lib/notifications/schemas";

export const changePasswordAction = authedAction({ schema: changePasswordInput }, async (ctx, input) => {
  await changePassword(ctx, input);
  return null;
});

export const endSessionAction = authedAction({ schema: z.object({ sessionId: z.uuid({ error: "Choose a session." }) }) }, async (ctx, input) => {
  await endMySession(ctx, input.sessionId);
  revalidatePath("/account");
  return null;
});

export const endOtherSessionsAction = authedAction({ schema: z.object({}) }, async (ctx) => {
  const ended = await endMyOtherSessions(ctx);
  revalidatePath("/account");
  return { ended };
});

export const sendVerificationAction = authedAction({ schema: z.object({}) }, async (ctx) => {
  await requestEmailVerification(ctx.userId);
  return null;
});

export const setNotificationPreferencesAction = authedAction({ schema: notificationPreferencesInput }, async (ctx, input) => {
  const r = await setPreferences(ctx, input);
  revalidatePath("/account");
  return r;
});
