"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/core/action";
import { createForm, installStarterForm, saveForm, setFormArchived } from "@/lib/evaluations/forms";
import { archiveFormInput, createFormInput, installStarterInput, saveFormInput } from "@/lib/evaluations/schemas";

export const installStarterFormAction = authedAction({ schema: installStarterInput, permission: "evaluations.forms" }, async (ctx) => {
  const form = await installStarterForm(ctx);
  revalidatePath("/evaluations/forms");
  return { id: form.id };
});

export const createFormAction = authedAction({ schema: createFormInput, permission: "evaluations.forms" }, async (ctx, input) => {
  const form = await createForm(ctx, input);
  revalidatePath("/evaluations/forms");
  return { id: form.id };
});

export const saveFormAction = authedAction({ schema: saveFormInput, permission: "evaluations.forms" }, async (ctx, input) => {
  const result = await saveForm(ctx, input);
  revalidatePath("/evaluations/forms");
  revalidatePath(`/evaluations/forms/${input.formId}`);
  return result;
});

export const archiveFormAction = authedAction({ schema: archiveFormInput, permission: "evaluations.forms" }, async (ctx, input) => {
  await setFormArchived(ctx, input);
  revalidatePath("/evaluations/forms");
  return null;
});
