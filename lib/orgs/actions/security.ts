"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { twoFactorPolicyInput } from "@/lib/auth/schemas";
import { setTwoFactorPolicy } from "@/lib/orgs/security";

export const setTwoFactorPolicyAction = authedAction({ schema: twoFactorPolicyInput, permission: "org.manage" }, async (ctx, input) => {
  await setTwoFactorPolicy(ctx, input.policy);
  revalidatePath("/admin/security");
  return null;
});
