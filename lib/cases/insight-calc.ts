import { CONDITION_CODES, OUTCOME_CODES, RUPTURE_TYPE_CODES, STRATEGY_CODES } from "./codes";

// Pure calculations behind a trainee's insight page, so they can be tested without a database.

export type InsightCase = { ruptureType: string | null; outcome: string | null; strategies: string[] };
export type InsightReview = {
  caseId: string;
  at: Date;
  ratings: Record<string, { rating: string }>;
  self: Record<string, { rating?: string } | undefined> | null;
};

export function countsBy<K extends string>(keys: readonly K[], values: (string | null)[]): { key: K; n: number }[] {
  return keys.map((key) => ({ key, n: values.filter((v) => v === key).length }));
}

export function resolutionByStrategy(list: InsightCase[]) {
  return STRATEGY_CODES.map((code) => {
    const using = list.filter((c) => c.strategies.includes(code) && c.outcome);
    const resolved = using.filter((c) => c.outcome === "resolved").length;
    const partly = using.filter((c) => c.outcome === "partly_resolved").length;
    return { code, used: using.length, resolved, partly, rate: using.length ? resolved / using.length : null };
  })
    .filter((r) => r.used > 0)
    .sort((a, b) => (b.rate ?? 0) - (a.rate ?? 0) || b.used - a.used);
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

export function notEvidentCounts(reviews: InsightReview[]) {
  const latest = latestPerCase(reviews);
  return CONDITION_CODES.map((code) => ({ code, n: latest.filter((r) => r.ratings[code]?.rating === "not_evident").length, of: latest.length })).sort(
    (a, b) => b.n - a.n,
  );
}

/** For each review, in time order: on how many of the six conditions self and supervisor agreed. */
export function agreementOverTime(reviews: InsightReview[]) {
  return [...reviews]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((r) => {
      const compared = CONDITION_CODES.filter((c) => r.self?.[c]?.rating && r.ratings[c]?.rating);
      const agreed = compared.filter((c) => r.self?.[c]?.rating === r.ratings[c]?.rating).length;
      return { caseId: r.caseId, at: r.at, agreed, compared: compared.length };
    });
}

export function buildInsight(list: InsightCase[], reviews: InsightReview[]) {
  return {
    total: list.length,
    byType: countsBy(RUPTURE_TYPE_CODES, list.map((c) => c.ruptureType)),
    byOutcome: countsBy(OUTCOME_CODES, list.map((c) => c.outcome)),
    byStrategy: resolutionByStrategy(list),
    notEvident: notEvidentCounts(reviews),
    agreement: agreementOverTime(reviews),
  };
}
export type Insight = ReturnType<typeof buildInsight>;
