import { and, eq, inArray, isNull, like, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { requestLimits, signInDevices, signInThrottles } from "@/db/schema";
import { delayAfter, kindOf, POLICIES, verdict, type Verdict } from "./throttle-policy";

export { throttleKeysFor } from "./throttle-policy";

export async function checkThrottle(db: DbOrTx, keys: string[], now = new Date()): Promise<Verdict> {
  const rows = await db.select({ blockedUntil: signInThrottles.blockedUntil }).from(signInThrottles).where(inArray(signInThrottles.key, keys));
  return verdict(rows, now);
}

/** Counts a failure atomically (one upsert per key, each with its own window), then sets the delay. */
export async function recordFailure(db: DbOrTx, keys: string[], now = new Date()): Promise<void> {
  // Raw SQL parameters go as text: postgres.js does not serialise Date objects inside sql``.
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  for (const key of keys) {
    const policy = POLICIES[kindOf(key)];
    const windowStart = sql`${new Date(now.getTime() - policy.windowMs).toISOString()}::timestamptz`;
    const [row] = await db
      .insert(signInThrottles)
      .values({ key, windowFailures: 1, totalFailures: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: signInThrottles.key,
        set: {
          windowFailures: sql`case when ${signInThrottles.windowStartedAt} < ${windowStart} then 1 else ${signInThrottles.windowFailures} + 1 end`,
          windowStartedAt: sql`case when ${signInThrottles.windowStartedAt} < ${windowStart} then ${nowSql} else ${signInThrottles.windowStartedAt} end`,
          totalFailures: sql`${signInThrottles.totalFailures} + 1`,
        },
      })
      .returning();
    const delay = delayAfter(row.windowFailures, policy.freeFailures);
    if (delay > 0) await db.update(signInThrottles).set({ blockedUntil: new Date(now.getTime() + delay) }).where(eq(signInThrottles.key, key));
  }
}

/** A successful sign-in clears this browser's count for the account and remembers the browser. */
export async function recordSuccess(db: DbOrTx, opts: { userId: string; keys: string[]; device: string | null }): Promise<void> {
  const pairKeys = opts.keys.filter((k) => kindOf(k) === "pair");
  if (pairKeys.length) await db.delete(signInThrottles).where(inArray(signInThrottles.key, pairKeys));
  if (opts.device) {
    await db
      .insert(signInDevices)
      .values({ userId: opts.userId, deviceHash: opts.device })
      .onConflictDoUpdate({ target: [signInDevices.userId, signInDevices.deviceHash], set: { lastSeenAt: new Date() } });
  }
}

export async function isKnownDevice(db: DbOrTx, userId: string | undefined, device: string | null): Promise<boolean> {
  if (!userId || !device) return false;
  const [row] = await db.select({ u: signInDevices.userId }).from(signInDevices).where(and(eq(signInDevices.userId, userId), eq(signInDevices.deviceHash, device)));
  return Boolean(row);
}

/** Clears every count of an account (a completed password reset, or an admin's decision). */
export async function clearAccountThrottle(db: DbOrTx, email: string): Promise<number> {
  const e = email.trim().toLowerCase();
  // LIKE's wildcards in the address are escaped so one account never clears another's rows.
  const escaped = e.replace(/[\\%_]/g, (c) => `\\${c}`);
  const deleted = await db
    .delete(signInThrottles)
    .where(or(eq(signInThrottles.key, `acct:${e}`), like(signInThrottles.key, `pair:${escaped}|%`)))
    .returning({ key: signInThrottles.key });
  return deleted.length;
}

/** When the account is slowed down for browsers it does not know, or null. */
export async function accountDelay(db: DbOrTx, email: string, now = new Date()): Promise<Date | null> {
  const [row] = await db.select({ blockedUntil: signInThrottles.blockedUntil }).from(signInThrottles).where(eq(signInThrottles.key, `acct:${email.trim().toLowerCase()}`));
  return row?.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null;
}

/**
 * Removes counts nobody needs any more: windows long over and no delay pending. Run by the
 * server's housekeeping, so guessing at unknown emails cannot grow the table without limit.
 */
export async function pruneThrottles(db: DbOrTx, now = new Date()): Promise<number> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const a = await db
    .delete(signInThrottles)
    .where(and(lt(signInThrottles.windowStartedAt, dayAgo), or(isNull(signInThrottles.blockedUntil), lt(signInThrottles.blockedUntil, now))))
    .returning({ key: signInThrottles.key });
  const b = await db.delete(requestLimits).where(lt(requestLimits.windowStartedAt, dayAgo)).returning({ key: requestLimits.key });
  return a.length + b.length;
}
