"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/core/action";
import { confirmEmailChange } from "@/lib/auth/email-change";
import { EMAIL_CHANGE_TOKEN } from "@/lib/auth/profile-schemas";

const confirm = publicAction(z.object({ token: z.string().regex(EMAIL_CHANGE_TOKEN, { error: "This link isn't valid. Ask again from your account page." }) }), async ({ token }) => {
  await confirmEmailChange(token);
  return null;
});

/** A plain form post from the link's page (works without JavaScript; a GET of the link changes nothing). */
export async function confirmEmailChangeAction(formData: FormData): Promise<void> {
  const token = formData instanceof FormData ? formData.get("token") : null;
  const result = await confirm({ token });
  if (!result.ok) {
    const back = typeof token === "string" && EMAIL_CHANGE_TOKEN.test(token) ? token : "invalid";
    redirect(`/verify-email/change/${back}${result.error.startsWith("This address now belongs") ? "?taken=1" : ""}`);
  }
  redirect("/verify-email/change/confirmed");
}
