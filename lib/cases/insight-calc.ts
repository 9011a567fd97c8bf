import { OUTCOME_CODES, RUPTURE_TYPE_CODES, STRATEGIES, THERAPIST_CONDITION_CODES, type TherapistConditionCode } from "./codes";
import { readReview, readSelfAssessment } from "./conditions";

// Pure calculations behind a trainee's insight page, so they can be tested without a database.
//
// What is deliberately not here: a resolution rate per strategy. With a handful of cases and
// outcomes the trainee rated themselves, any ranking would mislead, and immediate moves used on
// small ruptures would always look best. Nor are c1 and c2 counted: they are preconditions about
// the client and the meeting, not the trainee's shortfalls. Nor is agreement shown as a score
// over time: converging with the supervisor can mean learning, or deference.

export type InsightCase = { ruptureType: string | null; outcome: string | null; strategies: string[] };
export type InsightReview = {
  caseId: string;
  at: Date;
  /** case_reviews.ratings, in either stored shape. */
  ratings: unknown;
  /** The reviewed version's selfAssessment, in either stored shape. */
  self: unknown;
  codeListVersion?: string | null;
};

export function countsBy<K extends string>(keys: readonly K[], values: (string | null)[]): { key: K; n: number }[] {
  return keys.map((key) => ({ key, n: values.filter((v) => v === key).length }));
}

/** How many cases used each strategy, in the code list's order (a count of use, not a ranking). */
export function strategiesUsed(list: InsightCase[]) {
  return STRATEGIES.map((s) => ({ code: s.code, family: s.family, n: list.filter((c) => c.strategies.includes(s.code)).length })).filter((s) => s.n > 0);
}

/** Only each case's latest review counts: an earlier round's rating was superseded. */
export function latestPerCase(reviews: InsightReview[]): InsightReview[] {
  const byCase = new Map<string, InsightReview>();
  for (const r of reviews) {
    const prev = byCase.get(r.caseId);
    if (!prev || prev.at < r.at) byCase.set(r.caseId, r);
  }
  return [...byCase.values()];
}

/** Conditions 3 to 6 only: of the latest reviews that rated each, how many rated it not evident. */
export function notEvidentCounts(reviews: InsightReview[]) {
  const latest = latestPerCase(reviews).map((r) => readReview(r.ratings));
  return THERAPIST_CONDITION_CODES.map((code) => {
    const rated = latest.filter((r) => r.entries[code]?.rating && r.entries[code]?.rating !== "not_assessable");
    return { code, n: rated.filter((r) => r.entries[code]?.rating === "not_evident").length, of: rated.length };
  });
}

const ORDER: Record<string, number> = { not_evident: 0, partly_evident: 1, clearly_evident: 2 };

export type Difference = { code: TherapistConditionCode; compared: number; same: number; selfHigher: number; supervisorHigher: number; notAssessable: number };

/**
 * Where the trainee's and the supervisor's views of conditions 3 to 6 differ, on each case's latest
 * review: counts only, no direction of travel. "Not assessable" on one side is its own column.
 */
export function viewDifferences(reviews: InsightReview[]): Difference[] {
  const pairs = latestPerCase(reviews).map((r) => ({ self: readSelfAssessment(r.self, r.codeListVersion), sup: readReview(r.ratings) }));
  return THERAPIST_CONDITION_CODES.map((code) => {
    const d: Difference = { code, compared: 0, same: 0, selfHigher: 0, supervisorHigher: 0, notAssessable: 0 };
    for (const p of pairs) {
      const a = p.self.entries[code]?.rating;
      const b = p.sup.entries[code]?.rating;
      if (!a || !b) continue;
      d.compared++;
      if (a === b) d.same++;
      else if (!(a in ORDER) || !(b in ORDER)) d.notAssessable++;
      else if (ORDER[a] > ORDER[b]) d.selfHigher++;
      else d.supervisorHigher++;
    }
    return d;
  });
}

export function buildInsight(list: InsightCase[], reviews: InsightReview[]) {
  return {
    total: list.length,
    reviewed: latestPerCase(reviews).length,
    byType: countsBy(RUPTURE_TYPE_CODES, list.map((c) => c.ruptureType)),
    byOutcome: countsBy(OUTCOME_CODES, list.map((c) => c.outcome)),
    strategies: strategiesUsed(list),
    notEvident: notEvidentCounts(reviews),
    differences: viewDifferences(reviews),
  };
}
export type Insight = ReturnType<typeof buildInsight>;
