import {
  CONDITION_CODES,
  CONDITIONS,
  PRECONDITION_CODES,
  THERAPIST_CONDITION_CODES,
  VERSION_RULES,
  type ConditionCode,
  type PreconditionCode,
  type TherapistConditionCode,
} from "./codes";

// Rogers' six conditions as Rapport records them, read from either stored shape (see
// VERSION_RULES in codes.ts). Pure: the form, the review form, the case page, the PDF, insight and
// the server's review rules all read self-assessments and reviews through here, so an old case
// (six graded ratings) and a new one (c1/c2 notes, one to three chosen conditions) render alike.

export const MAX_CHOSEN = 3;

/** Shown wherever ratings are: what they are, and what they are not. */
export const RATINGS_CAVEAT =
  "These ratings are formative judgements made from a written account of one session, not a validated measure: use them to start a conversation, not to score anyone.";
export const INFERENCE_CAVEAT =
  "Conditions 4 (unconditional positive regard) and 5 (empathic understanding) are the therapist's inner experiencing: anyone rating them, the trainee included, is judging by inference.";
export const PRECONDITION_NOTE =
  "Conditions 1 and 2 are preconditions about the client and the meeting, not the trainee's skills: they are described, never rated.";

export const PRECONDITION_HINTS: Record<PreconditionCode, string> = {
  c1_contact: "Describe, don't grade: was the client present and reachable? Note anything that got in the way of contact, such as dissociation, intoxication or acute distress.",
  c2_client_incongruence: "Describe, don't grade: how vulnerable or anxious the client seemed, and what in the session showed it.",
};

export type StoredQuote = { field: string; start: number; end: number; text: string };
/** One condition as recorded: a note (c1/c2 since 2026.2), or a graded rating with evidence. */
export type ConditionEntry = { note?: string; rating?: string; evidence?: string; quote?: StoredQuote };
export type ConditionsShape = "six_rated" | "notes_and_chosen";
export type ConditionsView = {
  shape: ConditionsShape;
  entries: Partial<Record<ConditionCode, ConditionEntry>>;
  /** The trainee's chosen conditions (empty for a six-rated self-assessment: no choice was made); for a review, the ones rated. */
  chosen: TherapistConditionCode[];
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === "string" && v.trim() ? v : undefined);

export const isTherapistCondition = (c: string): c is TherapistConditionCode => (THERAPIST_CONDITION_CODES as readonly string[]).includes(c);
export const isPrecondition = (c: string): c is PreconditionCode => (PRECONDITION_CODES as readonly string[]).includes(c);

function entryOf(raw: unknown): ConditionEntry | undefined {
  if (!isObj(raw)) return undefined;
  const e: ConditionEntry = {};
  if (text(raw.note)) e.note = raw.note as string;
  if (text(raw.rating)) e.rating = raw.rating as string;
  if (text(raw.evidence)) e.evidence = raw.evidence as string;
  const q = raw.quote;
  if (isObj(q) && typeof q.text === "string") e.quote = { field: String(q.field ?? ""), start: Number(q.start ?? 0), end: Number(q.end ?? 0), text: q.text };
  return Object.keys(e).length ? e : undefined;
}

/**
 * The shape of a stored self-assessment or review. The content decides when it can (a graded c1 or
 * c2 is the old shape; a note or a `chosen` list is the new one); an empty one follows its version.
 */
export function conditionsShape(raw: unknown, version?: string | null): ConditionsShape {
  const o = isObj(raw) ? raw : {};
  if (PRECONDITION_CODES.some((c) => isObj(o[c]) && text((o[c] as Obj).rating))) return "six_rated";
  if (Array.isArray(o.chosen) || PRECONDITION_CODES.some((c) => isObj(o[c]) && "note" in (o[c] as Obj))) return "notes_and_chosen";
  return (version && VERSION_RULES[version]?.conditions) || "notes_and_chosen";
}

/** A trainee's self-assessment, old or new, as one view. */
export function readSelfAssessment(raw: unknown, version?: string | null): ConditionsView {
  const o = isObj(raw) ? raw : {};
  const shape = conditionsShape(o, version);
  const entries: ConditionsView["entries"] = {};
  if (shape === "six_rated") {
    for (const c of CONDITION_CODES) {
      const e = entryOf(o[c]);
      if (e) entries[c] = e;
    }
    return { shape, entries, chosen: [] };
  }
  const chosen = THERAPIST_CONDITION_CODES.filter((c) => Array.isArray(o.chosen) && o.chosen.includes(c));
  for (const c of PRECONDITION_CODES) {
    const note = isObj(o[c]) ? text((o[c] as Obj).note) : undefined;
    if (note) entries[c] = { note };
  }
  for (const c of chosen) {
    const e = entryOf(o[c]);
    if (e) entries[c] = { rating: e.rating, evidence: e.evidence };
  }
  return { shape, entries, chosen };
}

/** A supervisor's review (case_reviews.ratings), old or new. `chosen`: the conditions it rates. */
export function readReview(raw: unknown): ConditionsView {
  const o = isObj(raw) ? raw : {};
  const entries: ConditionsView["entries"] = {};
  for (const c of CONDITION_CODES) {
    const e = entryOf(o[c]);
    if (e) entries[c] = e;
  }
  const shape: ConditionsShape = PRECONDITION_CODES.some((c) => entries[c]?.rating) ? "six_rated" : "notes_and_chosen";
  return { shape, entries, chosen: THERAPIST_CONDITION_CODES.filter((c) => entries[c]?.rating) };
}

export type ConditionRow = {
  code: ConditionCode;
  label: string;
  short: string;
  self?: ConditionEntry;
  supervisor?: ConditionEntry;
  /** The trainee chose this one as most in play (new shape only). */
  traineeChose: boolean;
  /** The supervisor rated it though the trainee didn't choose it (new shape only). */
  supervisorAdded: boolean;
  /** Both gave a graded rating, and the ratings differ. */
  differs: boolean;
};

/**
 * The rows to show, in order: c1 and c2; then, for a six-rated self-assessment, c3 to c6 as they
 * were; otherwise the trainee's chosen conditions, then any the supervisor added.
 */
export function conditionRows(self: ConditionsView, review?: ConditionsView | null): ConditionRow[] {
  const rated = new Set<ConditionCode>(review?.chosen ?? []);
  const therapist =
    self.shape === "six_rated"
      ? [...THERAPIST_CONDITION_CODES]
      : [...self.chosen, ...THERAPIST_CONDITION_CODES.filter((c) => rated.has(c) && !self.chosen.includes(c))];
  return [...PRECONDITION_CODES, ...therapist].map((code) => {
    const def = CONDITIONS.find((c) => c.code === code)!;
    const s = self.entries[code];
    const r = review?.entries[code];
    return {
      code,
      label: def.label,
      short: def.short,
      self: s,
      supervisor: r,
      traineeChose: self.chosen.includes(code as TherapistConditionCode),
      supervisorAdded: self.shape === "notes_and_chosen" && isTherapistCondition(code) && rated.has(code) && !self.chosen.includes(code),
      differs: Boolean(s?.rating && r?.rating && s.rating !== r.rating),
    };
  });
}

/**
 * The server's review rules beyond the form's own checks: the supervisor rates every condition
 * the trainee chose (and may add others), and rates at least one therapist condition.
 */
export function reviewRuleErrors(self: ConditionsView, rated: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of self.chosen) {
    if (!rated.includes(c)) out[`ratings.${c}.rating`] = ["Rate this condition: the trainee chose it as one of the most in play."];
  }
  if (!rated.some(isTherapistCondition)) out.rated = ["Rate at least one of conditions 3 to 6: the ones the trainee chose, or any you add."];
  return out;
}
