"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/core/action";
import { confirmEmail } from "@/lib/auth/email-verification";

const confirm = publicAction(z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { error: "This link isn't valid. Ask for a new one from your account page." }) }), async ({ token }) => {
  await confirmEmail(token);
  return null;
});

/** A plain form post from the link's page (works without JavaScript). */
export async function confirmEmailAction(formData: FormData): Promise<void> {
  const token = formData instanceof FormData ? formData.get("token") : null;
  const result = await confirm({ token });
  if (!result.ok) redirect(`/verify-email/${typeof token === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(token) ? token : "invalid"}`);
  redirect("/verify-email/confirmed");
}
