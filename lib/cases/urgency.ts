import { riskRecorded } from "./risk";
import { scanRiskFields, type RiskFinding } from "./risk-language";
import type { CaseDraft } from "./schemas";

/** What the risk checks read: the narrative and the Risk section (the same in every stored shape). */
type RiskReadable = Partial<Pick<CaseDraft, "whatHappened" | "ownContribution" | "nextTime" | "risk">>;

// A case is urgent when its Risk section records a risk, or when its narrative reads as if it
// might (the risk-language check): either way a supervisor must see it first. The check prompts
// the trainee; it never blocks saving or submitting.

/** The narrative fields the risk-language check reads. */
export function riskScannableText(content: RiskReadable | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (content?.whatHappened) out.whatHappened = content.whatHappened;
  if (content?.ownContribution) out.ownContribution = content.ownContribution;
  if (content?.nextTime) out.nextTime = content.nextTime;
  return out;
}

export function riskFindings(content: RiskReadable | null | undefined): Record<string, RiskFinding[]> {
  return scanRiskFields(riskScannableText(content));
}

export function riskSuggested(content: RiskReadable | null | undefined): boolean {
  return Object.keys(riskFindings(content)).length > 0;
}

export function isUrgent(content: RiskReadable | null | undefined): boolean {
  return riskRecorded(content?.risk) || riskSuggested(content);
}
