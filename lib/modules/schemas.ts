// Form and action inputs for the training area (shared by client forms and actions).
import { z } from "zod";
import { ANSWER_REVEALS, MAX_ATTEMPT_LIMIT, MAX_WAIT_MINUTES, type AssessmentSettings } from "@/lib/modules/assessment/settings";

export const WAIT_UNITS = ["minutes", "hours", "days"] as const;
export type WaitUnit = (typeof WAIT_UNITS)[number];
const UNIT_MINUTES: Record<WaitUnit, number> = { minutes: 1, hours: 60, days: 1440 };

const settingsShape = {
  version: z.coerce.number({ error: "Reload the page and try again." }).int().min(0),
  revealAnswers: z.enum(ANSWER_REVEALS, { error: "Choose when the correct answers are shown." }),
  shuffleQuestions: z.boolean({ error: "Choose whether questions are shuffled." }),
  shuffleOptions: z.boolean({ error: "Choose whether options are shuffled." }),
  attemptLimit: z
    .string({ error: "Enter a number of attempts, or leave it empty for no limit." })
    .trim()
    .max(6, { error: `Enter a number of attempts from 1 to ${MAX_ATTEMPT_LIMIT}, or leave it empty for no limit.` })
    .refine((v) => v === "" || (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= MAX_ATTEMPT_LIMIT), {
      error: `Enter a number of attempts from 1 to ${MAX_ATTEMPT_LIMIT}, or leave it empty for no limit.`,
    }),
  waitAmount: z
    .string({ error: "Enter a whole number, or 0 for no wait." })
    .trim()
    .max(6, { error: "Enter a whole number, or 0 for no wait." })
    .refine((v) => v === "" || /^\d+$/.test(v), { error: "Enter a whole number, or 0 for no wait." }),
  waitUnit: z.enum(WAIT_UNITS, { error: "Choose minutes, hours or days." }),
  requireReflection: z.boolean({ error: "Choose whether the certificate waits for the reflection." }),
};

function waitWithinLimit(v: { waitAmount: string; waitUnit: WaitUnit }, ctx: z.RefinementCtx) {
  if (waitMinutesOf(v) > MAX_WAIT_MINUTES) ctx.addIssue({ code: "custom", path: ["waitAmount"], message: "A wait can be at most 30 days." });
}

export const assessmentSettingsInput = z.object(settingsShape).superRefine(waitWithinLimit);
export type AssessmentSettingsInput = z.input<typeof assessmentSettingsInput>;

export const assessmentOverrideInput = z.object({ ...settingsShape, moduleId: z.uuid({ error: "Choose a module from the list." }) }).superRefine(waitWithinLimit);
export type AssessmentOverrideInput = z.input<typeof assessmentOverrideInput>;

export const assessmentOverrideRef = z.object({ moduleId: z.uuid({ error: "Choose a module from the list." }) });

export function waitMinutesOf(v: { waitAmount: string; waitUnit: WaitUnit }): number {
  return (v.waitAmount === "" ? 0 : Number(v.waitAmount)) * UNIT_MINUTES[v.waitUnit];
}

/** The stored settings from a validated form. */
export function settingsFromInput(v: z.output<typeof assessmentSettingsInput>): AssessmentSettings {
  return {
    revealAnswers: v.revealAnswers,
    shuffleQuestions: v.shuffleQuestions,
    shuffleOptions: v.shuffleOptions,
    attemptLimit: v.attemptLimit === "" ? null : Number(v.attemptLimit),
    waitMinutes: waitMinutesOf(v),
    requireReflection: v.requireReflection,
  };
}

/** The form's values for stored settings (a wait in the largest unit that divides it). */
export function inputFromSettings(s: AssessmentSettings, version: number): AssessmentSettingsInput {
  const unit: WaitUnit = s.waitMinutes > 0 && s.waitMinutes % 1440 === 0 ? "days" : s.waitMinutes > 0 && s.waitMinutes % 60 === 0 ? "hours" : "minutes";
  return {
    version,
    revealAnswers: s.revealAnswers,
    shuffleQuestions: s.shuffleQuestions,
    shuffleOptions: s.shuffleOptions,
    attemptLimit: s.attemptLimit === null ? "" : String(s.attemptLimit),
    waitAmount: String(s.waitMinutes / UNIT_MINUTES[unit]),
    waitUnit: unit,
    requireReflection: s.requireReflection,
  };
}
