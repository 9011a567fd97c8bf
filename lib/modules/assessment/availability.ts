// Whether a person may start (or submit) another attempt now, under a limit and a wait. Pure:
// the server decides with it, and the pages say the same thing it decided.

export type AttemptHistory = { used: number; lastAt: Date | null };
export type Availability = {
  allowed: boolean;
  /** Null: no limit. */
  remaining: number | null;
  /** When the next attempt may start, if the wait is what stops it now. */
  nextAt: Date | null;
  reason: "limit" | "wait" | null;
};

export function attemptAvailability(history: AttemptHistory, rules: { attemptLimit: number | null; waitMinutes: number }, now: Date): Availability {
  const remaining = rules.attemptLimit === null ? null : Math.max(0, rules.attemptLimit - history.used);
  if (remaining === 0) return { allowed: false, remaining, nextAt: null, reason: "limit" };
  if (history.lastAt && rules.waitMinutes > 0) {
    const nextAt = new Date(history.lastAt.getTime() + rules.waitMinutes * 60_000);
    if (nextAt.getTime() > now.getTime()) return { allowed: false, remaining, nextAt, reason: "wait" };
  }
  return { allowed: true, remaining, nextAt: null, reason: null };
}
