import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as en from "@zxcvbn-ts/language-en";
import { ValidationError } from "@/lib/core/errors";

// Refuses passwords an attacker would try early (ASVS 6.2.4, 6.2.11, 6.2.12 in part): zxcvbn-ts
// estimates guesses from an offline list of about 40,000 common passwords, names and words, and
// from patterns (keyboard runs, repeats, dates, l33t). Run on the server only: the dictionaries
// are about a megabyte, too heavy for every browser. Length rules stay in passwordSchema.

/** zxcvbn's score is 0–4; 3 means roughly 10^8 guesses or more ("safely unguessable" online). */
export const MIN_SCORE = 3;

/** Words particular to Rapport that no password here should rest on (ASVS 6.1.2). */
export const CONTEXT_WORDS = ["rapport", "counselling", "counseling", "counsellor", "supervision", "supervisor", "trainee", "therapy", "therapist", "rupture", "alliance", "clinical", "harbourside"];

let factory: ZxcvbnFactory | null = null;
function zxcvbn(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
  return factory;
}

/** Builds the dictionaries now (the server calls this at start), so no request pays for it. */
export function warmUpPasswordCheck(): void {
  zxcvbn().check("warm-up");
}

/** The person's own details split into words: an email's local part, a name, an organisation. */
export function personalWords(...values: (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const v of values) {
    if (!v) continue;
    const lower = v.toLowerCase();
    const local = lower.includes("@") ? lower.slice(0, lower.indexOf("@")) : lower;
    if (local.length >= 3) words.add(local);
    for (const w of local.split(/[^\p{L}\p{N}]+/u)) if (w.length >= 3) words.add(w);
  }
  return [...words];
}

/** Why a password is too easy to guess, in words a person can act on, or null when it is fine. */
export function guessabilityProblem(password: string, userWords: string[] = []): string | null {
  // zxcvbn's cost grows with length; past 100 characters a password is not short enough to guess.
  if (password.length > 100) return null;
  const result = zxcvbn().check(password, [...CONTEXT_WORDS, ...userWords]);
  if (result.score >= MIN_SCORE) return null;
  const why = result.feedback.warning ?? "It follows a pattern that password-guessing tools try early.";
  return `This password is too easy to guess. ${why.endsWith(".") ? why : `${why}.`} Try a few unrelated words, or let a password manager make one.`;
}

/** Throws a field error when the password is too easy to guess (for the data layer). */
export function assertNotGuessable(password: string, field: string, userWords: string[] = []): void {
  const problem = guessabilityProblem(password, userWords);
  if (problem) throw new ValidationError("Check the highlighted fields.", { [field]: [problem] });
}
