"use server";

import { publicAction } from "@/lib/actions";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { appBaseUrl } from "@/lib/email/base-url";
import { resetPasswordInput, resetRequestInput } from "@/lib/orgs/schemas";

export const requestResetAction = publicAction(resetRequestInput, async ({ email }) => {
  await requestPasswordReset(email, await appBaseUrl());
  return null; // the same answer whether or not the account exists
});

export const resetPasswordAction = publicAction(resetPasswordInput, async ({ token, newPassword }) => {
  await resetPassword(token, newPassword);
  return null;
});
