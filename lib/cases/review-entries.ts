import type { StoredRating, StoredReviewEntry } from "@/db/schema";
import { PRECONDITION_CODES, THERAPIST_CONDITION_CODES } from "./codes";
import { readSelfAssessment, reviewRuleErrors } from "./conditions";
import { feedbackFlags } from "./identifier-check";
import { locateQuote } from "./quote";
import type { ReviewRatings } from "./schemas";

// A review as the review form sends it, turned into what is stored: shared by a case review
// (review.ts) and a calibration review (lib/calibration/reviews.ts), so both apply the same rules.

type ReviewText = { ratings: ReviewRatings; whatToChange?: string };

/** The feedback's free text, flagged by the identifier check (field names as the form's). */
export function reviewFeedbackFlags(input: ReviewText): Record<string, string[]> {
  return feedbackFlags({
    ...Object.fromEntries(PRECONDITION_CODES.map((c) => [`ratings.${c}.note`, input.ratings[c]?.note])),
    ...Object.fromEntries(THERAPIST_CONDITION_CODES.map((c) => [`ratings.${c}.evidence`, input.ratings[c]?.evidence])),
    whatToChange: input.whatToChange,
  });
}

/**
 * The stored ratings (notes on c1/c2, rated conditions with any quote located in the narrative),
 * or the field errors: a chosen condition not rated, none rated, a quote not found.
 */
export function storedReviewEntries(
  input: ReviewText,
  reviewed: { content: Record<string, unknown>; codeListVersion: string },
): { ok: true; ratings: Record<string, StoredReviewEntry> } | { ok: false; message: string; errors: Record<string, string[]> } {
  const rated = THERAPIST_CONDITION_CODES.filter((c) => input.ratings[c]);
  const ruleErrors = reviewRuleErrors(readSelfAssessment(reviewed.content.selfAssessment, reviewed.codeListVersion), rated);
  if (Object.keys(ruleErrors).length) return { ok: false, message: "Rate each condition the trainee chose; you may add others.", errors: ruleErrors };
  const ratings: Record<string, StoredReviewEntry> = {};
  for (const c of PRECONDITION_CODES) if (input.ratings[c]?.note) ratings[c] = { note: input.ratings[c]!.note };
  const quoteErrors: Record<string, string[]> = {};
  for (const c of rated) {
    const r = input.ratings[c]!;
    const entry: StoredRating = { rating: r.rating, evidence: r.evidence };
    if (r.quote) {
      const span = locateQuote(reviewed.content as Record<string, string>, r.quote);
      if (!span) quoteErrors[`ratings.${c}.quote`] = ["Quote a passage exactly as it appears in the case narrative, or leave this empty."];
      else entry.quote = span;
    }
    ratings[c] = entry;
  }
  if (Object.keys(quoteErrors).length) return { ok: false, message: "Check the highlighted quotes.", errors: quoteErrors };
  return { ok: true, ratings };
}
