"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { saveMyProfile } from "@/lib/onboarding/profile";
import { profileInput } from "@/lib/orgs/admin-schemas";

export const saveProfileAction = authedAction({ schema: profileInput }, async (ctx, input) => {
  await saveMyProfile(ctx, { position: input.position, pronouns: input.pronouns ?? "" });
  revalidatePath("/onboarding");
  revalidatePath("/home");
  return null;
});
