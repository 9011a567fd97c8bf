"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { removeAssessmentOverride, saveAssessmentOverride, updateAssessmentSettings } from "@/lib/modules/assessment-settings";
import { assessmentOverrideInput, assessmentOverrideRef, assessmentSettingsInput } from "@/lib/modules/schemas";

const PAGE = "/admin/settings/assessment";

export const updateAssessmentSettingsAction = authedAction({ schema: assessmentSettingsInput, permission: "org.manage" }, async (ctx, input) => {
  const saved = await updateAssessmentSettings(ctx, input);
  revalidatePath(PAGE);
  return saved;
});

export const saveAssessmentOverrideAction = authedAction({ schema: assessmentOverrideInput, permission: "org.manage" }, async (ctx, input) => {
  const saved = await saveAssessmentOverride(ctx, input);
  revalidatePath(PAGE);
  revalidatePath("/admin/requirements");
  return saved;
});

export const removeAssessmentOverrideAction = authedAction({ schema: assessmentOverrideRef, permission: "org.manage" }, async (ctx, input) => {
  const done = await removeAssessmentOverride(ctx, input);
  revalidatePath(PAGE);
  revalidatePath("/admin/requirements");
  return done;
});
