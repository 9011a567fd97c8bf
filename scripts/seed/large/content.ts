import { APPROACH_CODES, markersFor, MOVEMENT_CODES, PRECONDITION_CODES, RATING_CODES, RUPTURE_TYPE_CODES, STRATEGY_CODES, THERAPIST_CONDITION_CODES } from "@/lib/cases/codes";
import type { StoredRating, StoredReviewEntry } from "@/db/schema";
import type { Rng } from "@/scripts/seed/large/prng";
import { CLOSINGS, CONTRIBUTIONS, EVIDENCE, MIDDLES, NEXT_TIMES, OPENINGS } from "@/scripts/seed/large/text";

// Case content in the shape of lib/cases/schemas.ts (caseSubmitContent for submitted versions,
// caseDraftContent for drafts) under the current code lists (year only; c1/c2 notes and one to
// three chosen conditions), with every code taken from lib/cases/codes.ts.

export type Content = Record<string, unknown> & { whatHappened?: string; clientCode?: string; ruptureType?: string; outcome?: string };

const LETTERS = "ABCDEFGHJKLMNPRSTVWXYZ";

export function clientCode(rng: Rng): string {
  return `${LETTERS[rng.int(0, LETTERS.length - 1)]}${LETTERS[rng.int(0, LETTERS.length - 1)]}-${String(rng.int(1, 99)).padStart(2, "0")}`;
}

const sentences = (rng: Rng, bank: readonly string[], n: number) => rng.some(bank, n).join(" ");
const score = (rng: Rng) => rng.int(1, 5);

/** A complete case as a trainee would submit it. */
export function completeContent(rng: Rng, sessionAt: Date): Content {
  const ruptureType = rng.weighted([["withdrawal", 5], ["confrontation", 3], ["mixed", 2]] as const) as (typeof RUPTURE_TYPE_CODES)[number];
  const allowed = markersFor(ruptureType).map((m) => m.code);
  const chosen = rng.some(THERAPIST_CONDITION_CODES, rng.int(1, 3));
  const selfAssessment: Record<string, unknown> = { chosen };
  for (const c of PRECONDITION_CODES) selfAssessment[c] = { note: rng.pick(EVIDENCE) };
  for (const c of chosen) selfAssessment[c] = { rating: rng.weighted([["clearly_evident", 4], ["partly_evident", 4], ["not_evident", 1], ["not_assessable", 1]] as const), evidence: rng.pick(EVIDENCE) };
  const content: Content = {
    clientCode: clientCode(rng),
    sessionNumber: rng.int(1, 40),
    periodYear: sessionAt.getUTCFullYear(),
    approach: rng.pick(APPROACH_CODES),
    ruptureType,
    markers: rng.some(allowed, rng.int(1, 3)),
    salience: rng.int(1, 5),
    whoseMovement: rng.pick(MOVEMENT_CODES),
    whatHappened: [rng.pick(OPENINGS), sentences(rng, MIDDLES, rng.int(2, 4)), rng.pick(CLOSINGS)].join(" "),
    ownContribution: sentences(rng, CONTRIBUTIONS, rng.int(2, 3)),
    strategies: rng.some(STRATEGY_CODES, rng.int(1, 3)),
    outcome: rng.weighted([["resolved", 3], ["partly_resolved", 4], ["unresolved", 2], ["unclear", 1]] as const),
    nextTime: sentences(rng, NEXT_TIMES, rng.int(1, 2)),
    selfAssessment,
  };
  if (rng.chance(0.6)) {
    content.alliance = {
      therapist: { goals: score(rng), tasks: score(rng), bond: score(rng) },
      client: { goals: score(rng), tasks: score(rng), bond: score(rng) },
    };
  }
  return content;
}

/** An earlier submission of the same case: the same story with a thinner account of the trainee's part. */
export function earlierContent(final: Content, rng: Rng): Content {
  return { ...final, ownContribution: rng.pick(CONTRIBUTIONS), nextTime: rng.pick(NEXT_TIMES) };
}

/** A draft: some fields filled in, the rest still to come. */
export function draftContent(rng: Rng, sessionAt: Date): Content {
  const full = completeContent(rng, sessionAt);
  const keep = ["clientCode", "sessionNumber", "periodYear", "approach", "ruptureType"];
  if (rng.chance(0.7)) keep.push("markers", "salience", "whatHappened");
  if (rng.chance(0.3)) keep.push("ownContribution", "whoseMovement");
  return Object.fromEntries(Object.entries(full).filter(([k]) => keep.includes(k))) as Content;
}

/**
 * A supervisor's review: a note on c1, ratings for the trainee's chosen conditions and sometimes one
 * more; about a third quote the narrative (start/end located exactly).
 */
export function reviewRatings(rng: Rng, content: Content): Record<string, StoredReviewEntry> {
  const out: Record<string, StoredReviewEntry> = { c1_contact: { note: rng.pick(EVIDENCE) } };
  const chosen = ((content.selfAssessment as { chosen?: string[] } | undefined)?.chosen ?? []) as string[];
  const extra = rng.chance(0.3) ? THERAPIST_CONDITION_CODES.filter((c) => !chosen.includes(c)).slice(0, 1) : [];
  for (const c of [...chosen, ...extra]) {
    const r: StoredRating = { rating: rng.pick(RATING_CODES.slice(0, 3)), evidence: rng.pick(EVIDENCE) };
    const text = content.whatHappened ?? "";
    if (text && rng.chance(0.3)) {
      const start = text.indexOf(" ", rng.int(0, Math.max(0, text.length - 80))) + 1;
      const end = Math.min(text.length, start + rng.int(30, 70));
      r.quote = { field: "whatHappened", start, end, text: text.slice(start, end) };
    }
    out[c] = r;
  }
  return out;
}

