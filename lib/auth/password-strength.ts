import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { ValidationError } from "@/lib/core/errors";

// Refuses passwords an attacker would try early (ASVS 6.2.4, 6.2.11, 6.2.12 in part): zxcvbn-ts
// estimates guesses from an offline list of about 40,000 common passwords, names and words, and
// from patterns (keyboard runs, repeats, dates, l33t). Run on the server only: the dictionaries
// are about a megabyte, too heavy for every browser. Length rules stay in passwordSchema.

/** zxcvbn's score is 0–4; 3 means roughly 10^8 guesses or more ("safely unguessable" online). */
export const MIN_SCORE = 3;

/** Words particular to Rapport that no password here should rest on (ASVS 6.1.2). */
export const CONTEXT_WORDS = ["rapport", "counselling", "counseling", "counsellor", "supervision", "supervisor", "trainee", "therapy", "therapist", "rupture", "alliance", "clinical", "harbourside"];

// The checker is built when a password is first checked (or a page with a password field is
// shown: primePasswordCheck) and dropped after IDLE_MS without a check. Its dictionaries take a
// server process about 28 MB of heap (13 MB for the imported word lists, which stay once loaded,
// and 15 MB for the ranked lookups built from them, which go), and building them takes 0.5-1 s of
// CPU; passwords are set rarely (sign-up, invitations, resets, changes), so no worker keeps the
// lookups for a form nobody is filling in (docs/SCALE.md, "Memory").
export const IDLE_MS = 10 * 60_000;

let building: Promise<ZxcvbnFactory> | null = null;
let idle: ReturnType<typeof setTimeout> | null = null;

async function build(): Promise<ZxcvbnFactory> {
  const [{ ZxcvbnFactory }, common, en] = await Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common"), import("@zxcvbn-ts/language-en")]);
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    translations: en.translations,
  });
}

function keepUntilIdle(): void {
  if (idle) clearTimeout(idle);
  idle = setTimeout(() => {
    building = null;
    idle = null;
  }, IDLE_MS);
  idle.unref?.();
}

async function zxcvbn(): Promise<ZxcvbnFactory> {
  const mine = (building ??= build());
  try {
    const factory = await mine;
    keepUntilIdle();
    return factory;
  } catch (e) {
    if (building === mine) building = null;
    throw e;
  }
}

/** Whether the checker is built (or being built) now: for the tests of its lifetime. */
export function passwordCheckLoaded(): boolean {
  return building !== null;
}

/** Starts building the checker without waiting: a page that shows a password field calls this, so
 * the check is ready by the time the person submits. */
export function primePasswordCheck(): void {
  zxcvbn().catch((e) => console.error(`[rapport] preparing the password check failed: ${e instanceof Error ? e.message : e}`));
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
export async function guessabilityProblem(password: string, userWords: string[] = []): Promise<string | null> {
  // zxcvbn's cost grows with length; past 100 characters a password is not short enough to guess.
  if (password.length > 100) return null;
  const result = (await zxcvbn()).check(password, [...CONTEXT_WORDS, ...userWords]);
  if (result.score >= MIN_SCORE) return null;
  const why = result.feedback.warning ?? "It follows a pattern that password-guessing tools try early.";
  return `This password is too easy to guess. ${why.endsWith(".") ? why : `${why}.`} Try a few unrelated words, or let a password manager make one.`;
}

/** Throws a field error when the password is too easy to guess (for the data layer). */
export async function assertNotGuessable(password: string, field: string, userWords: string[] = []): Promise<void> {
  const problem = await guessabilityProblem(password, userWords);
  if (problem) throw new ValidationError("Check the highlighted fields.", { [field]: [problem] });
}
