import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { userSessions } from "@/db/schema";

// Server-side session records behind the signed JWT. The token alone is never enough: its
// session must exist, be unrevoked, within its absolute lifetime and not idle too long.

export const ABSOLUTE_LIFETIME_MS = 12 * 60 * 60 * 1000;
export const IDLE_TIMEOUT_MS = 2 * 60 * 60 * 1000;
/** lastSeenAt is refreshed at most this often, so a busy page costs no extra write. */
export const TOUCH_EVERY_MS = 5 * 60 * 1000;

export type SignInMethod = "password" | "passkey" | "sso";

export async function startSession(
  db: DbOrTx,
  userId: string,
  userAgent: string | null,
  opts: { method?: SignInMethod; address?: string | null; factorPending?: "verify" | "enrol" | null; secondFactor?: string | null } = {},
): Promise<string> {
  const [row] = await db
    .insert(userSessions)
    .values({
      userId,
      expiresAt: new Date(Date.now() + ABSOLUTE_LIFETIME_MS),
      userAgent: userAgent?.slice(0, 300) ?? null,
      method: opts.method ?? "password",
      address: opts.address ?? null,
      factorPending: opts.factorPending ?? null,
      secondFactor: opts.secondFactor ?? null,
    })
    .returning({ id: userSessions.id });
  return row.id;
}

export type SessionRow = typeof userSessions.$inferSelect;

export function sessionIsLive(s: Pick<SessionRow, "revokedAt" | "expiresAt" | "lastSeenAt">, now = new Date()): boolean {
  return !s.revokedAt && s.expiresAt.getTime() > now.getTime() && now.getTime() - s.lastSeenAt.getTime() < IDLE_TIMEOUT_MS;
}

export async function touchSession(db: DbOrTx, s: Pick<SessionRow, "id" | "lastSeenAt">, now = new Date()): Promise<void> {
  if (now.getTime() - s.lastSeenAt.getTime() < TOUCH_EVERY_MS) return;
  await db.update(userSessions).set({ lastSeenAt: now }).where(eq(userSessions.id, s.id));
}

export async function revokeSession(db: DbOrTx, sessionId: string, userId?: string): Promise<boolean> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, sessionId), isNull(userSessions.revokedAt), userId ? eq(userSessions.userId, userId) : undefined))
    .returning({ id: userSessions.id });
  return rows.length > 0;
}

export async function revokeOtherSessions(db: DbOrTx, userId: string, keepSessionId: string): Promise<number> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), ne(userSessions.id, keepSessionId)))
    .returning({ id: userSessions.id });
  return rows.length;
}

export async function listLiveSessions(db: DbOrTx, userId: string) {
  const now = new Date();
  return db
    .select({ id: userSessions.id, createdAt: userSessions.createdAt, lastSeenAt: userSessions.lastSeenAt, userAgent: userSessions.userAgent })
    .from(userSessions)
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        gt(userSessions.expiresAt, now),
        gt(userSessions.lastSeenAt, sql`${new Date(now.getTime() - IDLE_TIMEOUT_MS).toISOString()}::timestamptz`),
      ),
    )
    .orderBy(desc(userSessions.lastSeenAt))
    .limit(50);
}

/** The person's most recent sign-ins, live or ended: their sign-in history. */
export async function listRecentSignIns(db: DbOrTx, userId: string, limit = 20) {
  return db
    .select({
      id: userSessions.id,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
      expiresAt: userSessions.expiresAt,
      revokedAt: userSessions.revokedAt,
      userAgent: userSessions.userAgent,
      method: userSessions.method,
      address: userSessions.address,
      factorPending: userSessions.factorPending,
      secondFactor: userSessions.secondFactor,
    })
    .from(userSessions)
    .where(eq(userSessions.userId, userId))
    .orderBy(desc(userSessions.createdAt))
    .limit(limit);
}

/** Marks a session's owed step as done (only if it is still owed: a second request changes nothing). */
export async function completeFactorStep(db: DbOrTx, sessionId: string, userId: string, from: "verify" | "enrol", secondFactor: string): Promise<boolean> {
  const rows = await db
    .update(userSessions)
    .set({ factorPending: null, secondFactor })
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), eq(userSessions.factorPending, from), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return rows.length === 1;
}
