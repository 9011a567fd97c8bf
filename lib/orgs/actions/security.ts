"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { passkeySignInPolicyInput, twoFactorPolicyInput } from "@/lib/auth/schemas";
import { setPasskeySignIn, setTwoFactorPolicy } from "@/lib/orgs/security";

export const setTwoFactorPolicyAction = authedAction({ schema: twoFactorPolicyInput, permission: "org.manage" }, async (ctx, input) => {
  await setTwoFactorPolicy(ctx, input.policy);
  revalidatePath("/admin/security");
  return null;
});

export const setPasskeySignInAction = authedAction({ schema: passkeySignInPolicyInput, permission: "org.manage" }, async (ctx, input) => {
  await setPasskeySignIn(ctx, input.allowed);
  revalidatePath("/admin/security");
  return null;
});
