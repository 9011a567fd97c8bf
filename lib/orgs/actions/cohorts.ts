"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { archiveCohortInput, createCohortInput, renameCohortInput } from "@/lib/orgs/admin-schemas";
import { createCohort, renameCohort, setCohortArchived } from "@/lib/orgs/cohorts";

export const createCohortAction = authedAction({ schema: createCohortInput, permission: "org.manage" }, async (ctx, input) => {
  const c = await createCohort(ctx, input);
  revalidatePath("/admin/cohorts");
  return { id: c.id };
});

export const renameCohortAction = authedAction({ schema: renameCohortInput, permission: "org.manage" }, async (ctx, input) => {
  await renameCohort(ctx, input);
  revalidatePath("/admin/cohorts");
  return null;
});

export const archiveCohortAction = authedAction({ schema: archiveCohortInput, permission: "org.manage" }, async (ctx, input) => {
  await setCohortArchived(ctx, input);
  revalidatePath("/admin/cohorts");
  return null;
});
