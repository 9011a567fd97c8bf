"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { reflectionCommentInput } from "@/lib/cases/schemas";
import { addReflectionComment } from "@/lib/modules/reflection-comments";

/** A supervisor's comment on a shared reflection, or a reply in its thread (trainee or supervisor). */
export const commentOnReflectionAction = authedAction({ schema: reflectionCommentInput }, async (ctx, input) => {
  const done = await addReflectionComment(ctx, input);
  revalidatePath(`/trainees/${done.ownerMembershipId}`);
  revalidatePath("/modules", "layout");
  return { id: done.id };
});
