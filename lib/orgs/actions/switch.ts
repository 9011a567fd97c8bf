"use server";

import { redirect } from "next/navigation";
import { formDataToObject } from "@/lib/core/action";
import { switchOrgInput } from "@/lib/orgs/schemas";
import { switchOrganisation } from "@/lib/orgs/switch";
import { NotFoundError } from "@/lib/core/errors";

// A plain form post (works without JavaScript): switch, then land on the new organisation's home.
export async function switchOrgAction(formData: FormData): Promise<void> {
  // A hand-made request may send anything in place of the form: treat it as an empty form.
  const parsed = switchOrgInput.safeParse(formData instanceof FormData ? formDataToObject(formData) : {});
  if (!parsed.success) redirect("/home");
  try {
    await switchOrganisation(parsed.data.orgId);
  } catch (e) {
    if (e instanceof NotFoundError) redirect("/home?notice=org-not-found");
    throw e;
  }
  redirect("/home");
}
