"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { approveEntries, returnEntries } from "@/lib/hours/approvals";
import { approveInput, returnInput } from "@/lib/hours/schemas";

export const approveEntriesAction = authedAction({ schema: approveInput, permission: "hours.supervise" }, async (ctx, input) => {
  const r = await approveEntries(ctx, input);
  revalidatePath("/hours");
  return r;
});

export const returnEntriesAction = authedAction({ schema: returnInput, permission: "hours.supervise" }, async (ctx, input) => {
  const r = await returnEntries(ctx, input);
  revalidatePath("/hours");
  return r;
});
