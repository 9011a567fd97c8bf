"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/core/action";
import { confirmDomainClaim } from "@/lib/orgs/domains";

const confirm = publicAction(z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { error: "This link isn't valid. Ask your admin for a new one." }) }), async ({ token }) => {
  await confirmDomainClaim(token);
  return null;
});

/** A plain form post from the link's page (works without JavaScript); the token is the credential. */
export async function confirmDomainAction(formData: FormData): Promise<void> {
  const token = formData instanceof FormData ? formData.get("token") : null;
  const result = await confirm({ token });
  if (result.ok) redirect("/verify-domain/result?status=confirmed");
  redirect(`/verify-domain/result?status=${result.code === "conflict" ? "taken" : "invalid"}`);
}
