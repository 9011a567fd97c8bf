import { z } from "zod";
import {
  APPROACH_CODES,
  FEEDBACK_FOCUS_CODES,
  MARKER_CODES,
  markerAllowed,
  MOVEMENT_CODES,
  OUTCOME_CODES,
  RATING_CODES,
  RUPTURE_TYPE_CODES,
  STRATEGY_CODES,
  labelOf,
  THERAPIST_CONDITION_CODES,
  type ConditionCode,
  type Rating,
  type TherapistConditionCode,
} from "./codes";
import { MAX_CHOSEN } from "./conditions";
import { riskDraftSchema, riskSchema } from "./risk";
import { clientCodeProblem } from "./client-code";

// One schema per input, shared by react-hook-form (zodResolver) and the server actions.
// A draft may be incomplete (every field optional, same rules for what is there); a submission
// must be complete. Both go through `clean`, so an empty form control means "not answered".

export const LIMITS = {
  whatHappened: 5000,
  ownContribution: 3000,
  nextTime: 3000,
  evidence: 1000,
  note: 1000,
  dismissReason: 300,
  comment: 2000,
  whatToChange: 3000,
  reopenReason: 1000,
  quote: 1000,
} as const;

export const NARRATIVE_FIELDS = ["whatHappened", "ownContribution", "nextTime"] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];

function clean(v: unknown): unknown {
  if (typeof v === "string") return v.trim() === "" ? undefined : v;
  if (typeof v === "number") return Number.isNaN(v) ? undefined : v;
  if (v === null || v === false) return undefined;
  if (Array.isArray(v)) return v.map(clean).filter((x) => x !== undefined);
  if (typeof v === "object" && v) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const c = clean(x);
      if (c !== undefined) out[k] = c;
    }
    return out;
  }
  return v;
}

const int = (min: number, max: number, message: string) =>
  z.coerce.number({ error: message }).int({ error: message }).min(min, { error: message }).max(max, { error: message });

const text = (max: number, required: string) =>
  z
    .string({ error: required })
    .max(max, { error: `Shorten this to at most ${max} characters.` })
    .refine((s) => s.trim().length > 0, { error: required });

const codeList = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values, { error: message })).max(values.length));

export const clientCodeSchema = z
  .string({ error: "Enter a client code." })
  .trim()
  .superRefine((v, ctx) => {
    const problem = clientCodeProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const score = (label: string) => int(1, 5, `Choose ${label} from 1 to 5, or leave it blank.`).optional();
const allianceView = (who: string) =>
  z.object({ goals: score(`${who} agreement on goals`), tasks: score(`${who} agreement on tasks`), bond: score(`${who} bond`) });
export const allianceSchema = z.object({ therapist: allianceView("your").optional(), client: allianceView("the client's").optional() });

// The self-assessment (code lists 2026.2): c1 and c2 are described in a note; the trainee chooses
// one to three of c3-c6 and rates those. Entries of conditions not chosen are dropped, so text the
// trainee wrote before unticking one is neither stored nor scanned.
const selfEntry = z.object({
  rating: z.enum(RATING_CODES, { error: "Choose a rating for this condition." }),
  evidence: text(LIMITS.evidence, "Note briefly what in the session shows this, or why it can't be judged."),
});
const CHOOSE_MESSAGE = "Choose the one to three conditions most in play in this rupture.";
const TOO_MANY_MESSAGE = `Choose at most ${MAX_CHOSEN}: untick the ones least in play in this rupture.`;
const chosenArray = z.array(z.enum(THERAPIST_CONDITION_CODES, { error: "Choose conditions from the list." }));
const chosenList = <T extends z.ZodType>(inner: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]), inner);

export type SelfAssessment = {
  c1_contact: { note: string };
  c2_client_incongruence: { note: string };
  chosen: TherapistConditionCode[];
} & Partial<Record<TherapistConditionCode, { rating: Rating; evidence: string }>>;
export type SelfAssessmentDraft = {
  c1_contact?: { note?: string };
  c2_client_incongruence?: { note?: string };
  chosen?: TherapistConditionCode[];
} & Partial<Record<TherapistConditionCode, { rating?: Rating; evidence?: string }>>;

function onlyChosen<T extends { chosen?: TherapistConditionCode[] }>(v: T): T {
  const out = { ...v };
  for (const c of THERAPIST_CONDITION_CODES) if (!v.chosen?.includes(c)) delete (out as Record<string, unknown>)[c];
  return out;
}

const selfShape = <N extends z.ZodType, C extends z.ZodType>(note: N, chosen: C) =>
  z.object({
    c1_contact: note,
    c2_client_incongruence: note,
    chosen,
    c3_congruence: selfEntry.partial().optional(),
    c4_upr: selfEntry.partial().optional(),
    c5_empathy: selfEntry.partial().optional(),
    c6_perceived: selfEntry.partial().optional(),
  });

export const selfAssessmentSchema = selfShape(
  z.object({ note: text(LIMITS.note, "Describe briefly what you noticed, or say that the session shows too little to tell.") }, { error: "Describe briefly what you noticed." }),
  chosenList(chosenArray.min(1, { error: CHOOSE_MESSAGE }).max(MAX_CHOSEN, { error: TOO_MANY_MESSAGE })),
)
  .superRefine((v, ctx) => {
    for (const c of v.chosen as TherapistConditionCode[]) {
      const e = v[c];
      if (!e?.rating) ctx.addIssue({ code: "custom", path: [c, "rating"], message: "Choose a rating for this condition." });
      if (!e?.evidence) ctx.addIssue({ code: "custom", path: [c, "evidence"], message: "Note briefly what in the session shows this, or why it can't be judged." });
    }
  })
  .transform((v) => onlyChosen(v as unknown as SelfAssessment));
// A draft may choose more than three for a moment (ticking a fourth before unticking one): only submission refuses it.
const selfAssessmentDraft = selfShape(z.object({ note: text(LIMITS.note, "Describe briefly what you noticed.").optional() }).optional(), chosenList(chosenArray)).transform((v) =>
  onlyChosen(v as unknown as SelfAssessmentDraft),
);

const base = z.object({
  clientCode: clientCodeSchema,
  sessionNumber: int(1, 500, "Enter the session number within the therapy, from 1 to 500."),
  periodYear: int(2000, 2100, "Enter the year of the session, e.g. 2026."),
  approach: z.enum(APPROACH_CODES, { error: "Choose the approach you used in the session." }),
  ruptureType: z.enum(RUPTURE_TYPE_CODES, { error: "Choose the type of rupture." }),
  markers: codeList(MARKER_CODES, "Choose markers from the list."),
  salience: int(1, 5, "Choose how salient the rupture was, from 1 (barely noticeable) to 5 (dominated the session)."),
  whoseMovement: z.enum(MOVEMENT_CODES, { error: "Choose whose movement started the rupture." }),
  whatHappened: text(LIMITS.whatHappened, "Describe what happened in the session."),
  ownContribution: text(LIMITS.ownContribution, "Describe your own contribution to the rupture."),
  strategies: codeList(STRATEGY_CODES, "Choose strategies from the list."),
  outcome: z.enum(OUTCOME_CODES, { error: "Choose the outcome of the rupture." }),
  nextTime: text(LIMITS.nextTime, "Say what you would do next time."),
  alliance: allianceSchema.optional(),
  risk: riskSchema,
  selfAssessment: selfAssessmentSchema,
});

type Shape = { ruptureType?: string; markers?: string[]; periodYear?: number };

function check() {
  return (v: Shape, ctx: z.RefinementCtx) => {
    const type = v.ruptureType as (typeof RUPTURE_TYPE_CODES)[number] | undefined;
    if (type && v.markers?.length) {
      const wrong = v.markers.filter((m) => !markerAllowed(type, m));
      if (wrong.length) {
        ctx.addIssue({
          code: "custom",
          path: ["markers"],
          message: `Untick the markers that don't belong to a ${labelOf("ruptureType", type).toLowerCase()} rupture: ${wrong.map((m) => labelOf("marker", m)).join("; ")}.`,
        });
      }
    }
    if (v.periodYear && v.periodYear > new Date().getFullYear()) {
      ctx.addIssue({ code: "custom", path: ["periodYear"], message: "The session can't be in the future. Check the year." });
    }
  };
}

/** A complete case, as submitted for review. */
export const caseSubmitContent = z.preprocess(
  clean,
  base
    .extend({
      markers: z.preprocess(
        (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
        z.array(z.enum(MARKER_CODES, { error: "Choose markers from the list." })).min(1, { error: "Tick at least one marker you observed." }),
      ),
    })
    .superRefine(check()),
);
/** A draft: anything may be missing, but what is there follows the same rules. */
export const caseDraftContent = z.preprocess(
  clean,
  base.partial().extend({ selfAssessment: selfAssessmentDraft.optional(), risk: riskDraftSchema.optional() }).superRefine(check()),
);

export type CaseContent = z.output<typeof caseSubmitContent>;
export type CaseDraft = z.output<typeof caseDraftContent>;
/**
 * Case content as stored, in the shape of its code-list version (VERSION_RULES in codes.ts): a
 * 2026.1 case has a session month and six graded self-ratings. Read the self-assessment through
 * conditions.ts (readSelfAssessment), never by its keys.
 */
export type StoredCaseContent = Omit<CaseDraft, "selfAssessment"> & { periodMonth?: number; selfAssessment?: unknown };

const uuid = z.uuid({ error: "Reload the page and try again." });
const version = z.coerce.number({ error: "Reload the page and try again." }).int().min(0);

/** requestId: made once by the form; the same id twice gives back the same draft (retries, double clicks). */
export const createDraftInput = z.object({ content: caseDraftContent, requestId: z.uuid({ error: "Reload the page and try again (the form's request id is missing)." }) });
export const saveDraftInput = z.object({ caseId: uuid, version, content: caseDraftContent });
export const submitCaseInput = z.object({ caseId: uuid, version, content: caseSubmitContent });

/** Fields the identifier check scans: the client code, the narrative, the c1/c2 notes and the evidence notes (both shapes). */
export const SCANNED_FIELD = /^(clientCode|whatHappened|ownContribution|nextTime|selfAssessment\.c[1-6]_[a-z_]+\.evidence|selfAssessment\.c[12]_[a-z_]+\.note)$/;

export const dismissFlagInput = z.object({
  caseId: uuid,
  field: z.string().regex(SCANNED_FIELD, { error: "Reload the page and try again." }),
  key: z.string().min(3).max(300),
  reason: z
    .string({ error: "Say why this isn't an identifier." })
    .trim()
    .min(3, { error: "Say why this isn't an identifier, e.g. \"'Hope' is a feeling here, not a name\"." })
    .max(LIMITS.dismissReason, { error: `Keep the reason under ${LIMITS.dismissReason} characters.` }),
});

// A checkbox: a browser sends "on" (or nothing), the forms send a boolean.
const identifiersChecked = z
  .union([z.boolean(), z.literal("on")], { error: "Tick the box or leave it empty." })
  .optional()
  .transform((v) => v === true || v === "on");

// A review (code lists 2026.2): notes on c1 and c2 (optional: the supervisor adds what the
// trainee's note misses), and a rating with evidence for each of c3-c6 the supervisor rates. The
// form sends `rate` per condition (fixed on for the trainee's chosen ones, a tick box for the
// others); only rated entries are kept. That the trainee's chosen ones are all rated is checked
// by decideReview, which knows them (reviewRuleErrors in conditions.ts).
const reviewNote = z.object({
  note: z
    .string()
    .max(LIMITS.note, { error: `Shorten this to at most ${LIMITS.note} characters.` })
    .optional(),
});
const reviewEntry = z.object({
  rate: z.union([z.boolean(), z.literal("on")]).optional(),
  rating: z.enum(RATING_CODES, { error: "Choose a rating for this condition." }).optional(),
  evidence: z
    .string({ error: "Note the evidence for your rating." })
    .max(LIMITS.evidence, { error: `Shorten this to at most ${LIMITS.evidence} characters.` })
    .optional(),
  quote: z
    .string()
    .max(LIMITS.quote, { error: `Quote at most ${LIMITS.quote} characters.` })
    .optional(),
});
const reviewRatingsShape = z.object({
  c1_contact: reviewNote.optional(),
  c2_client_incongruence: reviewNote.optional(),
  c3_congruence: reviewEntry.optional(),
  c4_upr: reviewEntry.optional(),
  c5_empathy: reviewEntry.optional(),
  c6_perceived: reviewEntry.optional(),
});

export type ReviewRating = { rating: Rating; evidence: string; quote?: string };
export type ReviewRatings = Partial<Record<"c1_contact" | "c2_client_incongruence", { note: string }>> & Partial<Record<TherapistConditionCode, ReviewRating>>;

const RATE_ONE_MESSAGE = "Rate at least one of conditions 3 to 6: the ones the trainee chose, or any you add.";

/**
 * The review form's own fields: the same for a case review and a calibration review
 * (lib/calibration/schemas.ts), which add what is reviewed (a case and its version, or a round).
 */
export const reviewFields = {
  decision: z.enum(["changes_requested", "signed_off"], { error: "Choose request changes or sign off." }),
  ratings: z.preprocess(clean, reviewRatingsShape),
  whatToChange: z
    .string()
    .max(LIMITS.whatToChange, { error: `Shorten this to at most ${LIMITS.whatToChange} characters.` })
    .transform((s) => (s.trim() ? s.trim() : undefined))
    .optional(),
  /** Set once the supervisor has checked that flagged details identify no one. */
  identifiersChecked: identifiersChecked,
};

type ReviewFieldsOut = { decision: "changes_requested" | "signed_off"; whatToChange?: string; ratings: z.output<typeof reviewRatingsShape> };

/** The review form's rules: what to change when requesting changes; evidence for each condition rated; at least one rated. */
export function refineReview(v: ReviewFieldsOut, ctx: z.RefinementCtx): void {
  if (v.decision === "changes_requested" && !v.whatToChange) {
    ctx.addIssue({ code: "custom", path: ["whatToChange"], message: "Say what the trainee should change before resubmitting." });
  }
  let rated = 0;
  for (const c of THERAPIST_CONDITION_CODES) {
    const e = v.ratings[c];
    if (!e?.rate) continue;
    rated++;
    if (!e.rating) ctx.addIssue({ code: "custom", path: ["ratings", c, "rating"], message: "Choose a rating for this condition." });
    if (!e.evidence?.trim()) ctx.addIssue({ code: "custom", path: ["ratings", c, "evidence"], message: "Note the evidence for your rating." });
  }
  if (!rated) ctx.addIssue({ code: "custom", path: ["rated"], message: RATE_ONE_MESSAGE });
}

/** Keeps only the rated entries (and non-empty c1/c2 notes), as a review stores them. */
export function keepRated<R extends { ratings: z.output<typeof reviewRatingsShape> }>({ ratings, ...rest }: R): Omit<R, "ratings"> & { ratings: ReviewRatings } {
  const out: ReviewRatings = {};
  for (const c of ["c1_contact", "c2_client_incongruence"] as const) {
    const note = ratings[c]?.note?.trim();
    if (note) out[c] = { note: ratings[c]!.note! };
  }
  for (const c of THERAPIST_CONDITION_CODES) {
    const e = ratings[c];
    if (!e?.rate || !e.rating || !e.evidence) continue;
    out[c] = { rating: e.rating, evidence: e.evidence.trim(), ...(e.quote?.trim() ? { quote: e.quote } : {}) };
  }
  return { ...rest, ratings: out };
}

export const reviewDecisionInput = z.object({ caseId: uuid, version, ...reviewFields }).superRefine(refineReview).transform(keepRated);
export type ReviewDecisionInput = Omit<z.output<typeof reviewDecisionInput>, "identifiersChecked"> & { identifiersChecked?: boolean };

export const commentInput = z.object({
  caseId: uuid,
  focus: z.enum(FEEDBACK_FOCUS_CODES, { error: "Choose the focus: intervention, conceptualisation or personalisation." }),
  body: z
    .string({ error: "Write your comment." })
    .trim()
    .min(1, { error: "Write your comment." })
    .max(LIMITS.comment, { error: `Shorten the comment to at most ${LIMITS.comment} characters.` }),
  identifiersChecked: identifiersChecked,
});

export const reopenInput = z.object({
  caseId: uuid,
  version,
  reason: z
    .string({ error: "Say why the case is being reopened." })
    .trim()
    .min(10, { error: "Say why the case is being reopened (at least 10 characters)." })
    .max(LIMITS.reopenReason, { error: `Keep the reason under ${LIMITS.reopenReason} characters.` }),
});

export const caseIdInput = z.object({ caseId: uuid });

export type { ConditionCode };

export const replyInput = z.object({
  caseId: uuid,
  parentId: uuid,
  body: z
    .string({ error: "Write your reply." })
    .trim()
    .min(1, { error: "Write your reply." })
    .max(LIMITS.comment, { error: `Shorten the reply to at most ${LIMITS.comment} characters.` }),
  identifiersChecked: identifiersChecked,
});

export const reflectionCommentInput = z.object({
  reflectionId: uuid,
  parentId: uuid.optional(),
  body: z
    .string({ error: "Write your comment." })
    .trim()
    .min(1, { error: "Write your comment." })
    .max(LIMITS.comment, { error: `Shorten the comment to at most ${LIMITS.comment} characters.` }),
  identifiersChecked: identifiersChecked,
});

/** The author's consent to a de-identified calibration copy of their case (calibration-consent.ts). */
export const calibrationConsentInput = z.object({ caseId: uuid, consent: z.boolean({ error: "Reload the page and try again." }) });
