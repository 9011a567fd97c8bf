"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { setRetention } from "@/lib/practice/retention";
import { retentionInput } from "@/lib/practice/schemas";

export const setRetentionAction = authedAction({ schema: retentionInput, permission: "practice.author" }, async (ctx, input) => {
  const r = await setRetention(ctx, input);
  revalidatePath("/practice/manage");
  return r;
});
