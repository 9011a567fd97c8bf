// Inputs of the calibration actions, shared by the forms (zodResolver) and the actions. The review
// itself uses the case review form's fields and rules (lib/cases/schemas.ts), never a copy of them.
import { z } from "zod";
import { keepRated, refineReview, reviewFields } from "@/lib/cases/schemas";
import { EXEMPLARS } from "./exemplars";

const uuid = z.uuid({ error: "Reload the page and try again." });
const version = z.coerce.number({ error: "Reload the page and try again." }).int().min(0).max(1_000_000);

export const ROUND_NAME_MAX = 120;
export const NOTE_MAX = 5000;
export const MIN_INVITEES = 2;
export const MAX_INVITEES = 50;

/** A reference case to open a round on: one of Rapport's exemplars by key, or a stored one by id. */
export const referenceChoice = z.union(
  [z.enum(EXEMPLARS.map((e) => `exemplar:${e.key}`) as [string, ...string[]]), z.uuid()],
  { error: "Choose the reference case the supervisors will review." },
);

const dueOn = z
  .union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Enter the due date as a date, or leave it empty." })])
  .nullish()
  .transform((v) => v || null)
  .refine((v) => v === null || (!Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v)), {
    error: "Enter a real calendar date, or leave it empty.",
  });

export const openCalibrationRoundInput = z.object({
  name: z
    .string({ error: "Name the round, like “Autumn calibration”." })
    .trim()
    .min(1, { error: "Name the round, like “Autumn calibration”." })
    .max(ROUND_NAME_MAX, { error: `Use at most ${ROUND_NAME_MAX} characters.` }),
  referenceId: z.string({ error: "Choose the reference case the supervisors will review." }).pipe(referenceChoice),
  invitees: z.preprocess(
    (v) => (v === undefined || v === null || v === false ? [] : Array.isArray(v) ? [...new Set(v)] : [v]),
    z
      .array(z.uuid({ error: "Choose supervisors from the list." }))
      .min(MIN_INVITEES, { error: `Invite at least ${MIN_INVITEES} supervisors: agreement needs two or more people rating the same case.` })
      .max(MAX_INVITEES, { error: `Invite at most ${MAX_INVITEES} supervisors to one round.` }),
  ),
  dueOn,
});
export type OpenCalibrationRoundInput = z.input<typeof openCalibrationRoundInput>;

/** A calibration review: the case review form's fields, for a round instead of a case. */
export const calibrationReviewInput = z.object({ roundId: uuid, ...reviewFields }).superRefine(refineReview).transform(keepRated);
export type CalibrationReviewInput = z.output<typeof calibrationReviewInput>;

export const closeRoundInput = z.object({ roundId: uuid, version });

export const discussionNoteInput = z.object({
  roundId: uuid,
  version,
  note: z
    .string({ error: "Write the note, or leave it empty." })
    .max(NOTE_MAX, { error: `Shorten the note to at most ${NOTE_MAX} characters.` })
    .transform((s) => s.trim()),
  identifiersChecked: z
    .union([z.boolean(), z.literal("on")])
    .optional()
    .transform((v) => v === true || v === "on"),
});

export const copyReferenceInput = z.object({ caseId: uuid });
