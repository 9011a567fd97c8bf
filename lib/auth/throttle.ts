import { eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { signInThrottles } from "@/db/schema";
import { delayAfter, shouldHardLock, verdict, WINDOW_MS, type Verdict } from "./throttle-policy";

export function throttleKeys(email: string, address: string | null): string[] {
  return [`email:${email.trim().toLowerCase()}`, ...(address ? [`addr:${address}`] : [])];
}

export async function checkThrottle(db: DbOrTx, keys: string[], now = new Date()): Promise<Verdict> {
  const rows = await db.select().from(signInThrottles).where(inArray(signInThrottles.key, keys));
  return verdict(rows, now);
}

/** Counts a failure atomically (one upsert per key), then sets the delay or the hard lock. */
export async function recordFailure(db: DbOrTx, keys: string[], now = new Date()): Promise<void> {
  // Raw SQL parameters go as text: postgres.js does not serialise Date objects inside sql``.
  const windowStart = sql`${new Date(now.getTime() - WINDOW_MS).toISOString()}::timestamptz`;
  const nowSql = sql`${now.toISOString()}::timestamptz`;
  for (const key of keys) {
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
    const delay = delayAfter(row.windowFailures);
    const lock = shouldHardLock(key, row.totalFailures);
    if (delay > 0 || lock) {
      await db
        .update(signInThrottles)
        .set({ blockedUntil: delay > 0 ? new Date(now.getTime() + delay) : row.blockedUntil, lockedAt: lock ? (row.lockedAt ?? now) : row.lockedAt })
        .where(eq(signInThrottles.key, key));
    }
  }
}

/** A successful sign-in clears the account's counts; the address keeps its window. */
export async function recordSuccess(db: DbOrTx, email: string): Promise<void> {
  await db.delete(signInThrottles).where(eq(signInThrottles.key, throttleKeys(email, null)[0]));
}

export async function liftLock(db: DbOrTx, email: string): Promise<boolean> {
  const deleted = await db.delete(signInThrottles).where(eq(signInThrottles.key, throttleKeys(email, null)[0])).returning({ key: signInThrottles.key });
  return deleted.length > 0;
}
