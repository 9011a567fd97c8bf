// One zod schema per practice-studio input, shared by the forms (zodResolver) and the actions.
import { z } from "zod";
import { MARKER_CODES, markerAllowed, RUPTURE_TYPE_CODES, STRATEGY_CODES, labelOf } from "@/lib/cases/codes";
import { isDay } from "@/lib/util/days";

export const PRACTICE_LIMITS = {
  title: 120,
  context: 1500,
  clientLine: 400,
  clientLines: 8,
  lens: 300,
  modelResponse: 2000,
  pitfall: 300,
  pitfalls: 8,
  response: 3000,
  comment: 2000,
} as const;

const L = PRACTICE_LIMITS;
const uuid = (what: string) => z.uuid({ error: `Reload the page and try again (${what} not recognised).` });
const version = z.coerce.number({ error: "Reload the page and try again." }).int().min(0);
/** A drill's address: a shipped drill's slug or an organisation's drill id. */
export const drillKey = z.string({ error: "Choose a drill." }).trim().min(1, { error: "Choose a drill." }).max(80).regex(/^[a-z0-9-]+$/, { error: "Choose a drill." });

/** Checkbox groups send nothing, one value, or a list. */
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined || v === null || v === false ? [] : Array.isArray(v) ? v : [v]), z.array(item));

/** A textarea of lines: blank lines dropped, each trimmed. */
const lines = (opts: { min: number; max: number; each: number; what: string }) =>
  z
    // Idempotent: a list already split (parsed once in the browser) reads the same.
    .preprocess((v) => (Array.isArray(v) ? v.join("\n") : v), z.string().default(""))
    .transform((v) => v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.string().max(opts.each, { error: `Keep each ${opts.what} to ${opts.each} characters.` }))
        .min(opts.min, { error: opts.min === 1 ? `Write at least one ${opts.what}, one a line.` : `Write at least ${opts.min} ${opts.what}s.` })
        .max(opts.max, { error: `At most ${opts.max} ${opts.what}s, one a line.` }),
    );

const text = (what: string, min: number, max: number) =>
  z
    .string({ error: `Write the ${what}.` })
    .trim()
    .min(min, { error: min <= 1 ? `Write the ${what}.` : `Write the ${what} (at least ${min} characters).` })
    .max(max, { error: `Keep the ${what} to ${max} characters.` });

const drillShape = z.object({
    title: text("title", 3, L.title),
    ruptureType: z.enum(RUPTURE_TYPE_CODES, { error: "Choose the rupture type." }),
    markers: list(z.enum(MARKER_CODES, { error: "Choose markers from the list." })).pipe(z.array(z.enum(MARKER_CODES)).min(1, { error: "Tick at least one marker the client shows." })),
    difficulty: z.coerce.number({ error: "Choose a level." }).int().min(1, { error: "Choose a level." }).max(3, { error: "Choose a level." }),
    context: text("context", 20, L.context),
    clientLines: lines({ min: 1, max: L.clientLines, each: L.clientLine, what: "client line" }),
    lens: z.string().trim().max(L.lens, { error: `Keep the focus to ${L.lens} characters.` }).default(""),
    suggestedStrategies: list(z.enum(STRATEGY_CODES, { error: "Choose strategies from the list." })).pipe(z.array(z.enum(STRATEGY_CODES)).min(1, { error: "Tick at least one repair strategy that fits." })),
    modelResponse: text("model response", 20, L.modelResponse),
    pitfalls: lines({ min: 0, max: L.pitfalls, each: L.pitfall, what: "pitfall" }),
});

/** A drill's markers must belong to its rupture type (a mixed one may use both groups). */
function markersMatchType(v: { ruptureType: (typeof RUPTURE_TYPE_CODES)[number]; markers: string[] }, ctx: z.RefinementCtx) {
  const wrong = v.markers.filter((m) => !markerAllowed(v.ruptureType, m));
  if (wrong.length) {
    ctx.addIssue({
      code: "custom",
      path: ["markers"],
      message: `Untick the markers that don't belong to a ${labelOf("ruptureType", v.ruptureType).toLowerCase()} rupture: ${wrong.map((m) => labelOf("marker", m)).join("; ")}.`,
    });
  }
}

export const drillFields = drillShape.superRefine(markersMatchType);
export type DrillFieldsInput = z.input<typeof drillFields>;
export type DrillFields = z.output<typeof drillFields>;

export const createDrillInput = drillFields;
export const saveDrillInput = drillShape.extend({ drillId: uuid("drill"), version }).superRefine(markersMatchType);
export const archiveDrillInput = z.object({ drillId: uuid("drill"), version, archived: z.coerce.boolean() });

export const clipUploadInput = z.object({
  drillId: uuid("drill"),
  file: z.custom<Blob>((v) => typeof Blob !== "undefined" && v instanceof Blob && v.size > 0, { error: "Choose an audio or video file to upload." }),
});
export const removeClipInput = z.object({ drillId: uuid("drill") });

const seconds = z.coerce.number().int().min(0).max(86_400).default(0);

export const typedResponseInput = z.object({
  drillKey,
  response: text("response", 1, L.response).refine((v) => v.trim().length >= 10, { error: "Write your response as you would say it to the client (a sentence or more)." }),
  secondsSpent: seconds,
});
export type TypedResponseInput = z.input<typeof typedResponseInput>;

export const spokenResponseInput = z.object({
  drillKey,
  secondsSpent: seconds,
  durationSeconds: z.coerce.number().int().min(0).max(600).default(0),
  file: z.custom<Blob>((v) => typeof Blob !== "undefined" && v instanceof Blob && v.size > 0, { error: "Record your response first, or type it instead." }),
});

const scale = (what: string) => z.coerce.number({ error: `Choose a point on the ${what} scale.` }).int({ error: `Choose a point on the ${what} scale.` }).min(1, { error: `Choose a point on the ${what} scale.` }).max(5, { error: `Choose a point on the ${what} scale.` });

export const feedbackInput = z.object({
  attemptId: uuid("response"),
  strategies: list(z.enum(STRATEGY_CODES, { error: "Choose strategies from the list." })),
  attunement: scale("empathic attunement"),
  nonDefensiveness: scale("non-defensiveness"),
  invitation: scale("invitation to explore"),
  comment: z.string().trim().max(L.comment, { error: `Keep the comment to ${L.comment} characters.` }).default(""),
});
export type FeedbackInput = z.input<typeof feedbackInput>;

export const assignInput = z
  .object({
    drillKey,
    target: z.enum(["trainee", "cohort"], { error: "Choose who the drill is for." }),
    traineeMembershipId: z.string().default(""),
    cohortId: z.string().default(""),
    dueOn: z
      .preprocess((v) => (v === null ? "" : v), z.string().trim().default(""))
      .refine((v) => v === "" || isDay(v), { error: "Enter the due date as a calendar date, or leave it empty." })
      .transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    if (v.target === "trainee" && !z.uuid().safeParse(v.traineeMembershipId).success) ctx.addIssue({ code: "custom", path: ["traineeMembershipId"], message: "Choose a trainee." });
    if (v.target === "cohort" && !z.uuid().safeParse(v.cohortId).success) ctx.addIssue({ code: "custom", path: ["cohortId"], message: "Choose a cohort." });
  });
export type AssignInput = z.input<typeof assignInput>;

export const logHoursInput = z.object({
  attemptId: uuid("response"),
  traineePlacementId: z.uuid({ error: "Choose the placement this practice belongs to." }),
  minutes: z.coerce.number({ error: "Enter the minutes spent." }).int({ error: "Enter whole minutes." }).min(1, { error: "Enter at least 1 minute." }).max(240, { error: "One drill is at most 240 minutes." }),
});
export type LogHoursInput = z.input<typeof logHoursInput>;

export const RETENTION_MAX_DAYS = 3650;
export const retentionInput = z.object({
  recordingRetentionDays: z.coerce
    .number({ error: "Enter a number of days." })
    .int({ error: "Enter whole days." })
    .min(1, { error: "Keep recordings at least 1 day." })
    .max(RETENTION_MAX_DAYS, { error: `Keep recordings at most ${RETENTION_MAX_DAYS} days.` }),
  version,
});
export type RetentionInput = z.input<typeof retentionInput>;
