"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { bulkCohortInput, bulkSupervisorInput } from "@/lib/orgs/admin-schemas";
import { bulkAddToCohort, bulkAssignSupervisor } from "@/lib/orgs/bulk";

export const bulkAssignSupervisorAction = authedAction({ schema: bulkSupervisorInput, permission: "org.manage" }, async (ctx, input) => {
  const r = await bulkAssignSupervisor(ctx, input);
  revalidatePath("/admin/members");
  return r;
});

export const bulkAddToCohortAction = authedAction({ schema: bulkCohortInput, permission: "org.manage" }, async (ctx, input) => {
  const r = await bulkAddToCohort(ctx, input);
  revalidatePath("/admin/members");
  return r;
});
