import "server-only";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, passwordResets, users } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { appBaseUrl } from "@/lib/email/base-url";
import { drainSoon, queueEmails, smtpConfigured } from "@/lib/email/send";
import { consumeFor } from "./request-limits";
import { clearAccountThrottle } from "./throttle";
import { ValidationError } from "@/lib/core/errors";
import { hashToken, newSecureToken } from "@/lib/util/secure-token";
import { hashPassword } from "./hash";
import { assertNotGuessable, personalWords } from "./password-strength";

export const RESET_TTL_MS = 60 * 60 * 1000;
export const RESETS_PER_HOUR = 3;

export { hashToken };

/**
 * Creates a reset link for an existing, enabled account and emails it. Says nothing about whether
 * the account exists: the caller always shows the same confirmation. Returns the raw token only
 * for tests and the console fallback; it is never stored.
 */
export async function requestPasswordReset(email: string, opts: { address?: string | null } = {}): Promise<{ token: string } | null> {
  const db = await getDb();
  const normalised = email.trim().toLowerCase();
  // Bounded per client and in total, before anything about the account is looked at.
  if (!(await consumeFor(db, "reset", opts.address ?? null))) {
    console.warn(`[rapport] password reset requests over the limit${opts.address ? ` from ${opts.address}` : ""}`);
    return null;
  }
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${normalised}`).limit(1);
  if (!user || user.disabledAt) {
    await audit(db, { action: "auth.password_reset_requested", outcome: "failure", detail: { email: normalised, reason: user ? "disabled" : "unknown_email" } });
    return null;
  }
  const { token, hash } = newSecureToken();
  const link = `${appBaseUrl()}/reset-password/${token}`;
  const [firstOrg] = await db
    .select({ orgId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), eq(memberships.status, "active")))
    .orderBy(asc(memberships.joinedAt))
    .limit(1);
  const sent = await db.transaction(async (tx) => {
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(passwordResets)
      .where(and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, new Date(Date.now() - RESET_TTL_MS))));
    if (n >= RESETS_PER_HOUR) return null;
    // A new link replaces any earlier unused one.
    await tx.update(passwordResets).set({ usedAt: new Date() }).where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
    await tx.insert(passwordResets).values({ userId: user.id, tokenHash: hash, expiresAt: new Date(Date.now() + RESET_TTL_MS) });
    await audit(tx, { organisationId: firstOrg?.orgId ?? null, actorUserId: user.id, action: "auth.password_reset_requested", targetType: "user", targetId: user.id });
    if (!firstOrg) return null;
    const text = [
      `Hello ${user.name},`,
      "",
      "Someone (hopefully you) asked to reset your Rapport password. Open this link within an hour to choose a new one:",
      smtpConfigured() ? link : "[the link is only sent by email; ask the person who runs this Rapport to check its log]",
      "",
      "If you didn't ask for this, you can ignore this email: your password stays as it is.",
    ].join("\n");
    // The link never sits in an admin-readable outbox: an admin must not be able to take over an account.
    return queueEmails(tx, [{ organisationId: firstOrg.orgId, to: user.email, subject: "Reset your Rapport password", text, kind: "password_reset", secrets: [link] }]);
  });
  // Sent by the outbox worker, not awaited: the request takes as long whether or not the account exists.
  if (sent) drainSoon();
  if (!smtpConfigured() && process.env.NODE_ENV !== "test") console.log(`[rapport] no SMTP_URL set: password reset link for ${user.email}: ${link}`);
  return { token };
}

export type ResetState = "valid" | "expired" | "used" | "unknown";

export async function checkResetToken(token: string): Promise<ResetState> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return "unknown";
  const db = await getDb();
  const [row] = await db.select().from(passwordResets).where(eq(passwordResets.tokenHash, hashToken(token)));
  if (!row) return "unknown";
  if (row.usedAt) return "used";
  if (row.expiresAt.getTime() < Date.now()) return "expired";
  return "valid";
}

const STATE_MESSAGES: Record<Exclude<ResetState, "valid">, string> = {
  expired: "This reset link has expired (links last an hour). Ask for a new one.",
  used: "This reset link has already been used, or a newer one replaced it. Ask for a new one if you still need it.",
  unknown: "This reset link isn't valid. Check you copied the whole link, or ask for a new one.",
};

export function resetStateMessage(state: Exclude<ResetState, "valid">): string {
  return STATE_MESSAGES[state];
}

/** Sets the new password, uses up the link and ends every session of the account. */
export async function resetPassword(token: string, newPassword: string): Promise<void> {
  const db = await getDb();
  const [owner] = await db
    .select({ email: users.email, name: users.name })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(token)));
  await assertNotGuessable(newPassword, "newPassword", personalWords(owner?.email, owner?.name));
  const passwordHash = await hashPassword(newPassword);
  const used = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
      .returning();
    if (!row) return false;
    // Following the link proves control of the mailbox: the account's email is verified, and any
    // sign-in delay someone caused by guessing is cleared.
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, row.userId))
      .returning({ email: users.email });
    if (user) await clearAccountThrottle(tx, user.email);
    await audit(tx, { actorUserId: row.userId, action: "auth.password_reset", targetType: "user", targetId: row.userId });
    return true;
  });
  // Outside the transaction: the embedded database has one connection, which the transaction holds.
  if (!used) {
    const state = await checkResetToken(token);
    throw new ValidationError(resetStateMessage(state === "valid" ? "unknown" : state));
  }
}
