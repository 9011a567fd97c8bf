"use server";

import { publicAction } from "@/lib/actions";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { publicOrigin } from "@/lib/request-origin";
import { resetPasswordInput, resetRequestInput } from "@/lib/orgs/schemas";

export const requestResetAction = publicAction(resetRequestInput, async ({ email }) => {
  await requestPasswordReset(email, await publicOrigin());
  return null; // the same answer whether or not the account exists
});

export const resetPasswordAction = publicAction(resetPasswordInput, async ({ token, newPassword }) => {
  await resetPassword(token, newPassword);
  return null;
});
