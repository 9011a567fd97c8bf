import { THERAPIST_CONDITION_CODES, type TherapistConditionCode } from "@/lib/cases/codes";
import { krippendorffAlpha, type AlphaResult } from "./alpha";

// What a calibration round's ratings say, pure: the ordinal scale the review form's ratings sit
// on, each supervisor against the group's median, and agreement as Krippendorff's alpha.
// "Not assessable" is a judgement that the case holds too little, not a point on the scale: it
// counts as no rating (missing), never as the lowest grade.

export const SCALE: Record<string, number> = { not_evident: 1, partly_evident: 2, clearly_evident: 3 };
export const scaleValue = (rating: string | null | undefined): number | null => (rating && rating in SCALE ? SCALE[rating] : null);

/** The middle value; with an even count, halfway between the two middle ones (e.g. 2.5). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** A rating against the group's median, in steps of the scale (+1: one step above). */
export function deviation(value: number | null, groupMedian: number | null): number | null {
  return value === null || groupMedian === null ? null : value - groupMedian;
}

export function describeDeviation(d: number | null): string {
  if (d === null) return "No graded rating";
  if (d === 0) return "Same as the group's median";
  const size = Math.abs(d);
  const steps = size === 0.5 ? "Half a step" : size === 1 ? "One step" : size === 1.5 ? "One and a half steps" : `${size} steps`;
  return `${steps} ${d > 0 ? "above" : "below"} the group's median`;
}

/** The median as words: a point of the scale, or between two. */
export function describeMedian(m: number | null): string {
  if (m === null) return "No graded ratings";
  const names = ["", "not evident", "partly evident", "clearly evident"];
  return Number.isInteger(m) ? names[m][0].toUpperCase() + names[m].slice(1) : `Between ${names[Math.floor(m)]} and ${names[Math.ceil(m)]}`;
}

export type RaterRatings = { membershipId: string; name: string; ratings: Partial<Record<TherapistConditionCode, string>> };

export type ConditionResult = {
  code: TherapistConditionCode;
  /** Graded ratings given (not assessable and unrated left out). */
  graded: number;
  notAssessable: number;
  median: number | null;
  min: number | null;
  max: number | null;
  reference: number | null;
};

export type PersonResult = {
  membershipId: string;
  name: string;
  conditions: Partial<Record<TherapistConditionCode, { rating: string; deviation: number | null }>>;
  /** Mean of the absolute deviations over the conditions this person graded. */
  meanAbsDeviation: number | null;
};

export type RoundResults = {
  /** Units: the conditions of the case; coders: the supervisors. */
  overall: AlphaResult;
  conditions: ConditionResult[];
  /** Alphabetical, never by deviation: calibration is formative, not a ranking. */
  people: PersonResult[];
};

export function roundResults(raters: readonly RaterRatings[], reference?: Partial<Record<TherapistConditionCode, string>> | null): RoundResults {
  const conditions: ConditionResult[] = THERAPIST_CONDITION_CODES.map((code) => {
    const vals = raters.map((r) => scaleValue(r.ratings[code])).filter((v): v is number => v !== null);
    return {
      code,
      graded: vals.length,
      notAssessable: raters.filter((r) => r.ratings[code] === "not_assessable").length,
      median: median(vals),
      min: vals.length ? Math.min(...vals) : null,
      max: vals.length ? Math.max(...vals) : null,
      reference: scaleValue(reference?.[code]),
    };
  });
  const medians = new Map(conditions.map((c) => [c.code, c.median]));
  const people = [...raters]
    .sort((a, b) => a.name.localeCompare(b.name) || a.membershipId.localeCompare(b.membershipId))
    .map((r) => {
      const out: PersonResult["conditions"] = {};
      const devs: number[] = [];
      for (const code of THERAPIST_CONDITION_CODES) {
        const rating = r.ratings[code];
        if (!rating) continue;
        const d = deviation(scaleValue(rating), medians.get(code) ?? null);
        out[code] = { rating, deviation: d };
        if (d !== null) devs.push(Math.abs(d));
      }
      return { membershipId: r.membershipId, name: r.name, conditions: out, meanAbsDeviation: devs.length ? devs.reduce((a, b) => a + b, 0) / devs.length : null };
    });
  const units = THERAPIST_CONDITION_CODES.map((code) => raters.map((r) => scaleValue(r.ratings[code])));
  return { overall: krippendorffAlpha(units, "ordinal"), conditions, people };
}

/**
 * Agreement on each condition across several rounds: one unit per round (its case), coded by that
 * round's supervisors. Within one round a condition is a single unit, where alpha says nothing
 * (it is 0 whenever anyone differs), so per-condition agreement needs rounds to accumulate.
 */
export function conditionAlphaAcrossRounds(rounds: readonly (readonly RaterRatings[])[]): Record<TherapistConditionCode, AlphaResult> {
  const out = {} as Record<TherapistConditionCode, AlphaResult>;
  for (const code of THERAPIST_CONDITION_CODES) out[code] = krippendorffAlpha(rounds.map((raters) => raters.map((r) => scaleValue(r.ratings[code]))), "ordinal");
  return out;
}

/** Overall agreement pooled over several rounds: every (round, condition) is a unit. */
export function pooledAlpha(rounds: readonly (readonly RaterRatings[])[]): AlphaResult {
  return krippendorffAlpha(
    rounds.flatMap((raters) => THERAPIST_CONDITION_CODES.map((code) => raters.map((r) => scaleValue(r.ratings[code])))),
    "ordinal",
  );
}

export const ALPHA_CONVENTIONS =
  "For research coding, Krippendorff suggests relying on data with alpha of at least 0.800 and drawing only tentative conclusions between 0.667 and 0.800. Those are conventions for research data, not standards for supervisors; a round of a few supervisors on one case gives a rough estimate, so look at the direction over several rounds.";

/** Alpha in plain words, without claiming more than the number can carry. */
export function readAlpha(r: AlphaResult): string {
  if (r.alpha === null) {
    return r.reason === "no_variation"
      ? "Everyone gave the same rating wherever two or more rated: complete agreement, but with no variation alpha can't be computed."
      : "Not enough ratings: agreement needs at least two supervisors grading the same condition.";
  }
  const a = r.alpha;
  const basis = ` (from ${r.pairable} ratings on ${r.units} ${r.units === 1 ? "unit" : "units"})`;
  if (a >= 0.8) return `High agreement${basis}: at or above the level Krippendorff suggests for relying on research data.`;
  if (a >= 0.667) return `Moderate agreement${basis}: in the range Krippendorff treats as enough only for tentative conclusions.`;
  if (a > 0) return `Low agreement${basis}: more than chance would give, but below the conventions Krippendorff suggests. Worth discussing where ratings differ.`;
  return `No more agreement than chance${basis}: the ratings differ as much as, or more than, random ones would. Discuss the conditions where they diverge.`;
}

export function formatAlpha(r: AlphaResult): string {
  return r.alpha === null ? (r.reason === "no_variation" ? "Not computable (no variation)" : "Not enough ratings") : r.alpha.toFixed(3);
}
