"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/core/action";
import { removeLogo, saveLogo } from "@/lib/orgs/logo";
import { setAuditRetention, setModuleCpd, updateOrgSettings } from "@/lib/orgs/settings";
import { auditRetentionInput, cpdHoursInput, logoUploadInput, orgSettingsInput } from "@/lib/orgs/settings-schemas";

export const updateOrgSettingsAction = authedAction({ schema: orgSettingsInput, permission: "org.manage" }, async (ctx, input) => {
  const r = await updateOrgSettings(ctx, input);
  // The name and time zone show on every page of the organisation.
  revalidatePath("/", "layout");
  return r;
});

export const setCpdHoursAction = authedAction({ schema: cpdHoursInput, permission: "org.manage" }, async (ctx, input) => {
  const r = await setModuleCpd(ctx, input);
  revalidatePath("/admin/organisation");
  return r;
});

export const setAuditRetentionAction = authedAction({ schema: auditRetentionInput, permission: "org.manage" }, async (ctx, input) => {
  const r = await setAuditRetention(ctx, input);
  revalidatePath("/admin/organisation");
  return r;
});

export const uploadLogoAction = authedAction({ schema: logoUploadInput, permission: "org.manage" }, async (ctx, input) => {
  const r = await saveLogo(ctx, input.file);
  revalidatePath("/", "layout");
  return r;
});

export const removeLogoAction = authedAction({ schema: z.object({}), permission: "org.manage" }, async (ctx) => {
  const r = await removeLogo(ctx);
  revalidatePath("/", "layout");
  return r;
});
