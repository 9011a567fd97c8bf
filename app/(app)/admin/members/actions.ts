"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions";
import { setMemberStatus } from "@/lib/orgs/members";
import { memberStatusInput } from "@/lib/orgs/schemas";

export const setMemberStatusAction = authedAction({ schema: memberStatusInput, permission: "org.manage" }, async (ctx, input) => {
  const row = await setMemberStatus(ctx, input);
  revalidatePath("/admin/members");
  return { status: row.status, version: row.version };
});
