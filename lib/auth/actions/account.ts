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
import { accountProfileInput, emailChangeInput } from "@/lib/auth/profile-schemas";
import { saveMyAccountProfile } from "@/lib/auth/profile";
import { requestEmailChange } from "@/lib/auth/email-change";

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

export const saveAccountProfileAction = authedAction({ schema: accountProfileInput }, async (ctx, input) => {
  await saveMyAccountProfile(ctx, input);
  // The name shows in the shell of every page.
  revalidatePath("/", "layout");
  return null;
});

export const requestEmailChangeAction = authedAction({ schema: emailChangeInput }, async (ctx, input) => {
  await requestEmailChange(ctx, input);
  return { sentTo: input.newEmail };
});
