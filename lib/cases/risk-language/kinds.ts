/**
 * What a risk finding can be about, and what the form says about it (TAXONOMY.md section 7).
 *
 * The case form's Risk section asks for one of: suicide or self-harm, harm to others, harm to a
 * child or vulnerable person, other. The scanner is one step finer so its prompt can name what it
 * saw; the form maps it back:
 *   suicide, self_harm         -> suicide or self-harm
 *   harm_to_others             -> harm to others
 *   child_or_vulnerable_abuse  -> harm to a child or vulnerable person
 *   family_violence            -> harm to others when the client uses it, other when they are
 *                                 the one at risk (the trainee chooses; the prompt can't know)
 * Family violence is its own kind because it is named and handled on its own in Australian
 * practice (intervention orders, risk of separation violence) and because who is at risk in it
 * is often unclear from a sentence.
 */
export type RiskKind = "suicide" | "self_harm" | "harm_to_others" | "child_or_vulnerable_abuse" | "family_violence";

export const RISK_KINDS: readonly RiskKind[] = ["suicide", "self_harm", "harm_to_others", "child_or_vulnerable_abuse", "family_violence"];

export const RISK_KIND_LABELS: Record<RiskKind, string> = {
  suicide: "Suicide or thoughts of ending life",
  self_harm: "Self-harm",
  harm_to_others: "Harm to or from other people",
  child_or_vulnerable_abuse: "Harm to a child or vulnerable person",
  family_violence: "Family violence",
};

const WHAT_TO_DO = "Complete the Risk section: who you told, when, and what was done.";

export const RISK_REASONS: Record<RiskKind, string> = {
  suicide: `This may describe a risk of suicide. ${WHAT_TO_DO}`,
  self_harm: `This may describe self-harm. ${WHAT_TO_DO}`,
  harm_to_others: `This may describe someone being harmed or threatened. ${WHAT_TO_DO}`,
  child_or_vulnerable_abuse: `This may describe harm to a child or a vulnerable person. ${WHAT_TO_DO}`,
  family_violence: `This may describe family violence. ${WHAT_TO_DO}`,
};

/** Reason for the hopelessness cues (kind "suicide"): hopelessness about life is a risk indicator. */
export const HOPELESSNESS_REASON = `Hopelessness about life or the future can signal a risk of suicide. ${WHAT_TO_DO}`;

/**
 * Shown beside the withdrawal marker "Self-criticism or hopelessness used to move away": the same
 * hopelessness that moves a client away from the work can be a sign of risk.
 */
export const HOPELESSNESS_NOTE =
  "Hopelessness is also a risk indicator: if the client sounded hopeless about their life or future, ask about suicide and complete the Risk section.";
