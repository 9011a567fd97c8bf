import "server-only";
import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailVerifications, memberships, users } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { appBaseUrl } from "@/lib/email/base-url";
import { drainSoon, queueEmails, smtpConfigured } from "@/lib/email/send";
import { ValidationError } from "@/lib/core/errors";
import { hashToken, newSecureToken } from "@/lib/util/secure-token";

// Proof that a person controls their mailbox: a single-use link sent only to that mailbox. Until
// an account's email is verified it cannot read case narratives (lib/cases/access.ts), so an admin
// who accepts an invitation on someone's behalf (the link sits in the outbox when no mail server
// is configured) gains nothing by making that account a supervisor.
//
// Without SMTP_URL the link is never written where an admin can read it: it is printed to the
// server log, for the person who runs Rapport to pass on by hand (the same rule as reset links).

export const VERIFY_TTL_MS = 24 * 60 * 60 * 1000;
export const VERIFICATIONS_PER_HOUR = 5;

export type Verification = { verified: boolean; verifiedAt: Date | null; email: string };

export async function getEmailVerification(userId: string): Promise<Verification> {
  const db = await getDb();
  const [u] = await db.select({ at: users.emailVerifiedAt, email: users.email }).from(users).where(eq(users.id, userId));
  return { verified: Boolean(u?.at), verifiedAt: u?.at ?? null, email: u?.email ?? "" };
}

/** Sends the signed-in person a verification link. Returns the token for tests only. */
export async function requestEmailVerification(userId: string): Promise<{ token: string } | null> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user || user.disabledAt || user.emailVerifiedAt) return null;
  const [firstOrg] = await db
    .select({ orgId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, user.id), eq(memberships.status, "active")))
    .orderBy(asc(memberships.joinedAt))
    .limit(1);
  const { token, hash } = newSecureToken();
  const link = `${appBaseUrl()}/verify-email/${token}`;
  const pending = await db.transaction(async (tx) => {
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(emailVerifications)
      .where(and(eq(emailVerifications.userId, user.id), gt(emailVerifications.createdAt, new Date(Date.now() - 60 * 60 * 1000))));
    if (n >= VERIFICATIONS_PER_HOUR) throw new ValidationError(`You asked for ${VERIFICATIONS_PER_HOUR} links in the last hour. Use the newest one, or try again later.`);
    await tx.insert(emailVerifications).values({ userId: user.id, tokenHash: hash, expiresAt: new Date(Date.now() + VERIFY_TTL_MS) });
    await audit(tx, { organisationId: firstOrg?.orgId ?? null, actorUserId: user.id, action: "auth.email_verification_requested", targetType: "user", targetId: user.id });
    if (!firstOrg) return null;
    const text = [
      `Hello ${user.name},`,
      "",
      "Confirm that this is your email address for Rapport by opening this link within 24 hours:",
      smtpConfigured() ? link : "[the link is only sent by email; ask the person who runs this Rapport to check its log]",
      "",
      "Until you do, case material is hidden from your account. If you didn't ask for this, ignore this email.",
    ].join("\n");
    return queueEmails(tx, [{ organisationId: firstOrg.orgId, to: user.email, subject: "Confirm your email address for Rapport", text, kind: "email_verification", secrets: [link] }]);
  });
  if (pending) drainSoon();
  if (!smtpConfigured() && process.env.NODE_ENV !== "test") console.log(`[rapport] no SMTP_URL set: email verification link for ${user.email}: ${link}`);
  return { token };
}

export type VerifyState = "valid" | "expired" | "used" | "unknown";

export async function checkVerificationToken(token: string): Promise<VerifyState> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return "unknown";
  const db = await getDb();
  const [row] = await db.select().from(emailVerifications).where(eq(emailVerifications.tokenHash, hashToken(token)));
  if (!row) return "unknown";
  if (row.usedAt) return "used";
  if (row.expiresAt.getTime() < Date.now()) return "expired";
  return "valid";
}

export const VERIFY_MESSAGES: Record<Exclude<VerifyState, "valid">, string> = {
  expired: "This link has expired (links last 24 hours). Sign in and ask for a new one from your account page.",
  used: "This link has already been used. If your email shows as verified on your account page, there is nothing more to do.",
  unknown: "This link isn't valid. Check you copied the whole link, or ask for a new one from your account page.",
};

/** Uses up the link and marks the account's email verified. */
export async function confirmEmail(token: string): Promise<void> {
  const db = await getDb();
  const ok = await db.transaction(async (tx) => {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return false;
    const [row] = await tx
      .update(emailVerifications)
      .set({ usedAt: new Date() })
      .where(and(eq(emailVerifications.tokenHash, hashToken(token)), isNull(emailVerifications.usedAt), gt(emailVerifications.expiresAt, new Date())))
      .returning();
    if (!row) return false;
    await tx.update(users).set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` }).where(eq(users.id, row.userId));
    await audit(tx, { actorUserId: row.userId, action: "auth.email_verified", targetType: "user", targetId: row.userId });
    return true;
  });
  if (!ok) {
    const state = await checkVerificationToken(token);
    throw new ValidationError(VERIFY_MESSAGES[state === "valid" ? "unknown" : state]);
  }
}
