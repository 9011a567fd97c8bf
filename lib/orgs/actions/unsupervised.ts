"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { unassignedPolicyInput } from "@/lib/orgs/admin-schemas";
import { setUnassignedPolicy } from "@/lib/orgs/unsupervised";

export const setUnassignedPolicyAction = authedAction({ schema: unassignedPolicyInput, permission: "org.manage" }, async (ctx, input) => {
  await setUnassignedPolicy(ctx, input.policy);
  revalidatePath("/admin/reports/supervision");
  return null;
});
