// Inputs of the evaluation actions, shared by the client forms (zodResolver) and the actions.
// Whether a response fits its form version (known competencies, points on the scale) is checked
// by the data layer against the stored version, with definition.ts checkResponse.
import { z } from "zod";
import { FORM_LIMITS, formDefinitionSchema, formNameSchema } from "./definition";

const version = z.coerce.number({ error: "Reload the page and try again." }).int().min(0).max(1_000_000);
const id = (what: string) => z.uuid({ error: `Choose ${what}.` });

export const createFormInput = z.object({ name: formNameSchema, definition: formDefinitionSchema });
export type CreateFormInput = z.input<typeof createFormInput>;

export const saveFormInput = z.object({ formId: id("a form"), version, name: formNameSchema, definition: formDefinitionSchema });
export type SaveFormInput = z.input<typeof saveFormInput>;

export const archiveFormInput = z.object({ formId: id("a form"), version, archived: z.boolean({ error: "Reload the page and try again." }) });

export const installStarterInput = z.object({});

const ROUND_NAME_MAX = 120;
export const openRoundInput = z.object({
  formId: id("the form to use"),
  cohortId: id("the cohort to evaluate"),
  name: z
    .string({ error: "Name the round, like “Mid-placement”." })
    .trim()
    .min(1, { error: "Name the round, like “Mid-placement”." })
    .max(ROUND_NAME_MAX, { error: `Use at most ${ROUND_NAME_MAX} characters.` }),
  dueOn: z
    .union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Enter the due date as a date, or leave it empty." })])
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || (!Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)), {
      error: "Enter a real calendar date, or leave it empty.",
    }),
});
export type OpenRoundInput = z.input<typeof openRoundInput>;
export const ROUND_NAME_SUGGESTIONS = ["Mid-placement", "End of placement"] as const;

export const assignEvaluatorInput = z.object({ evaluationId: id("an evaluation"), evaluatorMembershipId: id("a supervisor"), version });

const KEY = /^[a-z][a-z0-9_-]{0,63}$/;
const rating = z.object({
  // A radio group with nothing chosen gives null.
  rating: z
    .union([z.string().max(20, { error: "Choose one of the points on the scale." }), z.null()])
    .optional()
    .transform((v) => v ?? ""),
  comment: z
    .union([z.string().trim().max(FORM_LIMITS.comment, { error: `Use at most ${FORM_LIMITS.comment} characters.` }), z.null()])
    .optional()
    .transform((v) => v ?? ""),
});

export const responseInput = z.object({
  evaluationId: id("an evaluation"),
  version,
  ratings: z
    .record(z.string().regex(KEY, { error: "Reload the page and try again." }), rating)
    .refine((r) => Object.keys(r).length <= 400, { error: "Reload the page and try again." })
    .default({}),
  overallComment: z
    .union([z.string().trim().max(FORM_LIMITS.overallComment, { error: `Use at most ${FORM_LIMITS.overallComment} characters.` }), z.null()])
    .optional()
    .transform((v) => v ?? ""),
  recommendation: z
    .union([z.string().max(64, { error: "Choose one of the recommendations offered." }), z.null()])
    .optional()
    .transform((v) => v || null),
});
export type ResponseInput = z.input<typeof responseInput>;

const SIGN_NAME_MAX = 200;
export const signInput = z
  .object({
    evaluationId: id("an evaluation"),
    version,
    name: z
      .string({ error: "Type your full name to sign." })
      .trim()
      .min(1, { error: "Type your full name to sign." })
      .max(SIGN_NAME_MAX, { error: `Use at most ${SIGN_NAME_MAX} characters.` }),
    attest: z.literal(true, { error: "Tick the box to confirm you have read the evaluation." }),
    disagree: z.boolean().default(false),
    disagreement: z
      .union([z.string().trim().max(FORM_LIMITS.disagreement, { error: `Use at most ${FORM_LIMITS.disagreement} characters.` }), z.null()])
      .optional()
      .transform((v) => v ?? ""),
  })
  .refine((v) => !v.disagree || (typeof v.disagreement === "string" && v.disagreement.trim().length > 0), {
    path: ["disagreement"],
    error: "Write what you disagree with and why, or untick “I want to record a disagreement”.",
    // Checked even when other fields (the name, the tick) are still missing, so every message shows at once.
    when: (payload) => typeof (payload.value as { disagree?: unknown } | null)?.disagree === "boolean",
  });
export type SignInput = z.input<typeof signInput>;

/** The same person, however they spaced or capitalised their name. */
export function sameName(typed: string, accountName: string): boolean {
  const norm = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("en-AU");
  return norm(typed) === norm(accountName);
}
