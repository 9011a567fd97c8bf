"use server";

import { after } from "next/server";
import { publicAction } from "@/lib/core/action";
import { requestAddress } from "@/lib/auth/client-address";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { resetPasswordInput, resetRequestInput } from "@/lib/auth/schemas";

export const requestResetAction = publicAction(resetRequestInput, async ({ email }) => {
  const address = await requestAddress();
  // The work runs after the answer is sent, so the answer takes the same time and says the same
  // thing whether or not the account exists (no account enumeration, by content or by timing).
  after(() => requestPasswordReset(email, { address }).catch((e) => console.error(`[rapport] password reset request failed: ${e instanceof Error ? e.message : e}`)));
  return null;
});

export const resetPasswordAction = publicAction(resetPasswordInput, async ({ token, newPassword }) => {
  await resetPassword(token, newPassword);
  return null;
});
