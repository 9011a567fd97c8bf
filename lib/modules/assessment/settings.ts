// The assessment rules in force for one module in one organisation. Pure and free of database
// imports: shared by the data layer, the pages and the admin form (which runs in the browser).
// db/schema/assessment.ts repeats the values below; settings.test.ts keeps the two equal.

export const ANSWER_REVEALS = ["never", "after_pass", "after_each_attempt"] as const;
export type AnswerReveal = (typeof ANSWER_REVEALS)[number];
export const MAX_ATTEMPT_LIMIT = 50;
export const MAX_WAIT_MINUTES = 30 * 24 * 60;

export type AssessmentSettings = {
  revealAnswers: AnswerReveal;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  /** Null: as many attempts as the person likes. */
  attemptLimit: number | null;
  waitMinutes: number;
  /** The certificate also waits for the module's reflection (for people who write reflections). */
  requireReflection: boolean;
};

/**
 * Out of the box: the key and explanations only once the person has passed (a failed attempt
 * shows which questions were wrong, not the answers), shuffled, no limit, no wait.
 */
export const DEFAULT_ASSESSMENT_SETTINGS: AssessmentSettings = {
  revealAnswers: "after_pass",
  shuffleQuestions: true,
  shuffleOptions: true,
  attemptLimit: null,
  waitMinutes: 0,
  requireReflection: false,
};

export const REVEAL_LABELS: Record<AnswerReveal, string> = {
  after_pass: "Once the person passes (a failed attempt shows only which questions were wrong)",
  after_each_attempt: "After every attempt, passed or not",
  never: "Never (each attempt shows only which questions were wrong)",
};

export function pickSettings<T extends AssessmentSettings>(row: T): AssessmentSettings {
  const { revealAnswers, shuffleQuestions, shuffleOptions, attemptLimit, waitMinutes, requireReflection } = row;
  return { revealAnswers, shuffleQuestions, shuffleOptions, attemptLimit, waitMinutes, requireReflection };
}

/** Whether the key and explanations may be shown to this person for this module now. */
export function keyVisible(reveal: AnswerReveal, hasPassed: boolean): boolean {
  if (reveal === "after_each_attempt") return true;
  if (reveal === "after_pass") return hasPassed;
  return false;
}

/** What the person reads before an attempt about what they will see after it. */
export function revealSentence(reveal: AnswerReveal, hasPassed: boolean): string {
  if (reveal === "after_each_attempt") return "After you submit you'll see the correct answers and an explanation for every option.";
  if (reveal === "never") return "After you submit you'll see which questions you got right and which you got wrong; the answers themselves are not shown.";
  return hasPassed
    ? "You have passed, so after you submit you'll see the correct answers and an explanation for every option."
    : "After you submit you'll see which questions you got wrong. The correct answers and explanations are shown once you pass.";
}

/** "2 hours", "1 day and 3 hours", "45 minutes": a wait as people say it. */
export function describeWait(minutes: number): string {
  if (minutes <= 0) return "no wait";
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const part = (n: number, unit: string) => (n ? `${n} ${unit}${n === 1 ? "" : "s"}` : null);
  const parts = [part(days, "day"), part(hours, "hour"), part(mins, "minute")].filter(Boolean) as string[];
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0];
}

/** One line for admin tables: the rules at a glance. */
export function summariseSettings(s: AssessmentSettings): string {
  const reveal = { after_pass: "answers after a pass", after_each_attempt: "answers after every attempt", never: "answers never shown" }[s.revealAnswers];
  const limit = s.attemptLimit ? `${s.attemptLimit} attempt${s.attemptLimit === 1 ? "" : "s"}` : "unlimited attempts";
  const wait = s.waitMinutes ? `${describeWait(s.waitMinutes)} between attempts` : "no wait";
  const shuffle = s.shuffleQuestions && s.shuffleOptions ? "shuffled" : s.shuffleQuestions ? "questions shuffled" : s.shuffleOptions ? "options shuffled" : "not shuffled";
  return [reveal, limit, wait, shuffle, s.requireReflection ? "reflection required" : "reflection optional"].join(" · ");
}
