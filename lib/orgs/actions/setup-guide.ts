"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/core/action";
import { dismissSetupGuide } from "@/lib/orgs/setup-guide";

export const dismissSetupGuideAction = authedAction({ schema: z.object({}), permission: "org.manage" }, async (ctx) => {
  await dismissSetupGuide(ctx);
  revalidatePath("/home");
  return null;
});
