// Pure throttling rules (unit-tested); lib/auth/throttle.ts applies them in PostgreSQL.
//
// The model (docs/SECURITY.md, "Sign-in throttling"): failures are counted per (account, client)
// pair, per account, and per client address (behind a trusted proxy). A client is a browser (its
// random device cookie) or, without one, its address. Each count slows its key down with a
// doubling delay; nothing ever hard-locks. A browser that has signed in to the account before is
// exempt from the account-wide and address counts, so an attacker who knows only an email can slow
// strangers down but cannot keep the owner out; and a completed password reset (proof of mailbox
// control) clears every count of the account.

export type KeyKind = "pair" | "acct" | "addr" | "mfa";
export type KeyPolicy = { windowMs: number; freeFailures: number };

export const MAX_DELAY_MS = 15 * 60 * 1000;
export const POLICIES: Record<KeyKind, KeyPolicy> = {
  // One browser (or address) guessing one account: five tries, then 1 s, 2 s, 4 s … per failure.
  pair: { windowMs: 15 * 60 * 1000, freeFailures: 5 },
  // Everyone guessing one account: generous, since legitimate people on new browsers count too.
  acct: { windowMs: 60 * 60 * 1000, freeFailures: 20 },
  // One address guessing many accounts (password spraying), only with TRUST_PROXY.
  addr: { windowMs: 15 * 60 * 1000, freeFailures: 5 },
  // Wrong second-factor codes for one account ("mfa:<user id>"), from any browser: whoever is
  // guessing already has the password. Five tries, then the same doubling delay.
  mfa: { windowMs: 15 * 60 * 1000, freeFailures: 5 },
};
/** Kept for callers that think in the pair's window. */
export const WINDOW_MS = POLICIES.pair.windowMs;
export const FREE_FAILURES = POLICIES.pair.freeFailures;

export function kindOf(key: string): KeyKind {
  const prefix = key.slice(0, key.indexOf(":"));
  return prefix === "acct" || prefix === "addr" || prefix === "mfa" ? prefix : "pair";
}

/** After the free failures in the window: 1 s, 2 s, 4 s … doubling, capped at fifteen minutes. */
export function delayAfter(windowFailures: number, freeFailures: number = FREE_FAILURES): number {
  if (windowFailures < freeFailures) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** Math.min(30, windowFailures - freeFailures));
}

export type ThrottleState = { blockedUntil: Date | null };

export type Verdict = { allowed: true } | { allowed: false; reason: "wait"; retryAfterSeconds: number };

export function verdict(states: ThrottleState[], now: Date): Verdict {
  const until = Math.max(0, ...states.map((s) => (s.blockedUntil ? s.blockedUntil.getTime() : 0)));
  if (until > now.getTime()) return { allowed: false, reason: "wait", retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
  return { allowed: true };
}

/**
 * The keys an attempt is counted under. A known browser (one that signed in to this account
 * before) is judged only by its own pair key.
 */
export function throttleKeysFor(opts: { email: string; device: string | null; address: string | null; knownDevice: boolean }): string[] {
  const email = opts.email.trim().toLowerCase();
  const client = opts.device ? `dev:${opts.device}` : opts.address ? `addr:${opts.address}` : "anon";
  const keys = [`pair:${email}|${client}`];
  if (!opts.knownDevice) {
    keys.push(`acct:${email}`);
    if (opts.address) keys.push(`addr:${opts.address}`);
  }
  return keys;
}

/**
 * The fastest an attacker without a known browser can guess one account, per day, once every
 * count is saturated: the account key admits one try per MAX_DELAY_MS. Documented in SECURITY.md.
 */
export function worstCaseGuessesPerDay(): number {
  return POLICIES.acct.freeFailures + Math.floor((24 * 60 * 60 * 1000) / MAX_DELAY_MS);
}

/** The key wrong second-factor codes are counted under (lib/auth/two-factor/verify.ts). */
export function factorThrottleKey(userId: string): string {
  return `mfa:${userId}`;
}
