"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { createRequirement, deleteRequirement } from "@/lib/onboarding/requirements";
import { requirementInput, requirementRef } from "@/lib/orgs/admin-schemas";

export const createRequirementAction = authedAction({ schema: requirementInput, permission: "org.manage" }, async (ctx, input) => {
  const byRole = input.target === "role";
  const fixed = input.dueKind === "date";
  const row = await createRequirement(ctx, {
    moduleId: input.moduleId,
    role: byRole && input.role ? input.role : null,
    cohortId: !byRole && input.cohortId ? input.cohortId : null,
    dueOn: fixed ? (input.dueOn ?? null) : null,
    dueDays: !fixed && typeof input.dueDays === "number" ? input.dueDays : null,
  });
  revalidatePath("/admin/requirements");
  return { id: row.id };
});

export const deleteRequirementAction = authedAction({ schema: requirementRef, permission: "org.manage" }, async (ctx, input) => {
  await deleteRequirement(ctx, input);
  revalidatePath("/admin/requirements");
  return null;
});
