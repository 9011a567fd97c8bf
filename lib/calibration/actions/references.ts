"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { copyCaseAsReference } from "@/lib/calibration/references";
import { copyReferenceInput } from "@/lib/calibration/schemas";

export const copyCaseAsReferenceAction = authedAction({ schema: copyReferenceInput, permission: "calibration.manage" }, async (ctx, input) => {
  const done = await copyCaseAsReference(ctx, input.caseId);
  revalidatePath("/calibration/references");
  return done;
});
