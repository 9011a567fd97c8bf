"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction } from "@/lib/core/action";
import { submitCheck } from "@/lib/modules/checks";

export type CheckFormState = { formError?: string; errors?: Record<string, string>; selections?: Record<string, string[]> };

const MAX_QUESTIONS = 50;
const payload = z.object({
  moduleSlug: z.string().regex(/^[a-z0-9-]{1,80}$/),
  drawId: z.uuid({ error: "Reload the check to get your questions." }),
  answers: z.record(z.string().max(20), z.array(z.string().max(20)).max(10)).refine((a) => Object.keys(a).length <= MAX_QUESTIONS, {
    error: "Too many answers.",
  }),
});

const submit = authedAction({ schema: payload, permission: "modules.study" }, (ctx, data) => submitCheck(ctx, data));

export async function submitCheckAction(_prev: CheckFormState, formData: FormData): Promise<CheckFormState> {
  // A hand-made request may send anything in place of the form: treat it as an empty form.
  if (!(formData instanceof FormData)) formData = new FormData();
  const answers: Record<string, string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (!key.startsWith("answer:") || typeof value !== "string") continue;
    (answers[key.slice(7)] ??= []).push(value);
  }
  const result = await submit({ moduleSlug: formData.get("moduleSlug"), drawId: formData.get("drawId"), answers });
  if (!result.ok) {
    const errors = Object.fromEntries(Object.entries(result.fieldErrors ?? {}).filter(([k]) => /^q\d+$/.test(k)).map(([k, v]) => [k, v?.[0] ?? ""]));
    return {
      formError: Object.keys(errors).length
        ? `Answer every question: ${Object.keys(errors).length} still need attention.`
        : (result.fieldErrors?.drawId?.[0] ?? result.fieldErrors?.moduleSlug?.[0] ?? result.error),
      errors,
      selections: answers,
    };
  }
  redirect(`/modules/${String(formData.get("moduleSlug"))}/check/attempts/${result.data.attemptId}`);
}
