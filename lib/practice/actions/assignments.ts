"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { assignDrill } from "@/lib/practice/assignments";
import { assignInput } from "@/lib/practice/schemas";

export const assignDrillAction = authedAction({ schema: assignInput, permission: "practice.assign" }, async (ctx, input) => {
  const r = await assignDrill(ctx, input);
  revalidatePath("/practice");
  return r;
});
