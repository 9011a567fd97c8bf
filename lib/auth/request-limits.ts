import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { requestLimits } from "@/db/schema";

// Fixed-window counters for what a visitor can make Rapport write or send without an account
// (sign-ups, reset requests, audit rows of failed sign-ins). Stored in PostgreSQL so every
// instance shares them; expired rows are pruned by the server's housekeeping.

export type Limit = { max: number; windowMs: number };

export const LIMITS = {
  /** Organisations created from one client. */
  signUpPerClient: { max: 5, windowMs: 60 * 60 * 1000 },
  /** Organisations created by everyone together: a ceiling when clients can't be told apart. */
  signUpTotal: { max: 200, windowMs: 60 * 60 * 1000 },
  /** Reset emails asked for from one client. */
  resetPerClient: { max: 10, windowMs: 60 * 60 * 1000 },
  resetTotal: { max: 500, windowMs: 60 * 60 * 1000 },
  /** Audit rows for failed sign-ins from one client (the throttle still counts every attempt). */
  signInAuditPerClient: { max: 100, windowMs: 60 * 60 * 1000 },
  signInAuditTotal: { max: 5000, windowMs: 60 * 60 * 1000 },
} satisfies Record<string, Limit>;

export type LimitName = "signUp" | "reset" | "signInAudit";

/** Counts one event under `key`; false once the window already holds `max` of them. */
export async function consume(db: DbOrTx, key: string, limit: Limit, now = new Date()): Promise<boolean> {
  const windowStart = new Date(now.getTime() - limit.windowMs).toISOString();
  const nowIso = now.toISOString();
  const [row] = await db
    .insert(requestLimits)
    .values({ key, count: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: requestLimits.key,
      set: {
        count: sql`case when ${requestLimits.windowStartedAt} < ${windowStart}::timestamptz then 1 else ${requestLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${requestLimits.windowStartedAt} < ${windowStart}::timestamptz then ${nowIso}::timestamptz else ${requestLimits.windowStartedAt} end`,
      },
    })
    .returning({ count: requestLimits.count });
  return row.count <= limit.max;
}

/**
 * Counts one event against the per-client limit (when a trusted proxy names the client) and the
 * limit for everyone together; false when either is spent. Without TRUST_PROXY every visitor
 * looks the same, so only the total applies.
 */
export async function consumeFor(db: DbOrTx, name: LimitName, address: string | null, now = new Date()): Promise<boolean> {
  const perClient = LIMITS[`${name}PerClient`];
  const total = LIMITS[`${name}Total`];
  if (address && !(await consume(db, `${name}:addr:${address}`, perClient, now))) return false;
  return consume(db, `${name}:total`, total, now);
}
