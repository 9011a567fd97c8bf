// Pure throttling rules (unit-tested); lib/auth/throttle.ts applies them in PostgreSQL.

export const WINDOW_MS = 15 * 60 * 1000;
export const FREE_FAILURES = 5;
export const HARD_LOCK_FAILURES = 50;
export const MAX_DELAY_MS = 15 * 60 * 1000;

/** After the 5th failure in the window: 1 s, 2 s, 4 s … doubling, capped at 15 minutes. */
export function delayAfter(windowFailures: number): number {
  if (windowFailures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (windowFailures - FREE_FAILURES));
}

export function shouldHardLock(key: string, totalFailures: number): boolean {
  return key.startsWith("email:") && totalFailures >= HARD_LOCK_FAILURES;
}

export type ThrottleState = { blockedUntil: Date | null; lockedAt: Date | null };

export type Verdict = { allowed: true } | { allowed: false; reason: "locked" } | { allowed: false; reason: "wait"; retryAfterSeconds: number };

export function verdict(states: ThrottleState[], now: Date): Verdict {
  if (states.some((s) => s.lockedAt)) return { allowed: false, reason: "locked" };
  const until = Math.max(0, ...states.map((s) => (s.blockedUntil ? s.blockedUntil.getTime() : 0)));
  if (until > now.getTime()) return { allowed: false, reason: "wait", retryAfterSeconds: Math.ceil((until - now.getTime()) / 1000) };
  return { allowed: true };
}
