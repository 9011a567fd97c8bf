"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { remindOverdue } from "@/lib/onboarding/remind-overdue";
import { remindOverdueInput } from "@/lib/orgs/admin-schemas";

export const remindOverdueAction = authedAction({ schema: remindOverdueInput, permission: "org.manage" }, async (ctx, input) => {
  const result = await remindOverdue(ctx, input);
  revalidatePath("/admin/reports");
  return result;
});
