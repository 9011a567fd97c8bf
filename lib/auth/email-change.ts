import "server-only";
import { and, asc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { emailChanges, memberships, users } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import type { Ctx } from "@/lib/core/context";
import { ValidationError } from "@/lib/core/errors";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { appBaseUrl } from "@/lib/email/base-url";
import { drainSoon, queueEmails, smtpConfigured, type EmailMessage } from "@/lib/email/send";
import { plainName } from "@/lib/email/templates";
import { hashToken, newSecureToken } from "@/lib/util/secure-token";
import { verifyPassword } from "./hash";
import { EMAIL_CHANGE_TOKEN } from "./profile-schemas";

// Changing the sign-in address. The current password is asked for (a session left open on a
// shared computer can't move the account); the new address gets a single-use link (only its
// SHA-256 stored, 24 hours, only the newest one works) and nothing changes until it is used; the
// old address is told at once, and again when the change is made.
//
// An address that already belongs to another account gets a notice instead of a link, and the
// person asking sees the same answer either way: the form can't be used to find out who has an
// account. Without SMTP_URL the link goes to the server log, never to the outbox (as for
// verification links): an admin reading the outbox must not be able to move someone's account.

export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;
export const EMAIL_CHANGES_PER_HOUR = 5;

async function firstOrgOf(tx: Tx, userId: string): Promise<string | null> {
  const [m] = await tx
    .select({ orgId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active")))
    .orderBy(asc(memberships.joinedAt))
    .limit(1);
  return m?.orgId ?? null;
}

/** Returns the token for tests only (null when the address belongs to someone else). */
export async function requestEmailChange(ctx: Ctx, input: { newEmail: string; currentPassword: string }): Promise<{ token: string | null }> {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, ctx.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ValidationError("Check the highlighted fields.", { currentPassword: ["That isn't your current password."] });
  }
  const newEmail = input.newEmail.toLowerCase();
  if (newEmail === user.email.toLowerCase()) throw new ValidationError("Check the highlighted fields.", { newEmail: ["That is already your address. Enter the new one."] });
  const { token, hash } = newSecureToken();
  const link = `${appBaseUrl()}/verify-email/change/${token}`;
  const name = plainName(user.name);
  const result = await db.transaction(async (tx) => {
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(emailChanges)
      .where(and(eq(emailChanges.userId, user.id), gt(emailChanges.createdAt, new Date(Date.now() - 60 * 60 * 1000))));
    if (n >= EMAIL_CHANGES_PER_HOUR) throw new ValidationError(`You asked ${EMAIL_CHANGES_PER_HOUR} times in the last hour. Use the newest link, or try again later.`);
    const [taken] = await tx.select({ id: users.id }).from(users).where(and(sql`lower(${users.email}) = ${newEmail}`, ne(users.id, user.id)));
    // Only the newest request's link works.
    await tx.update(emailChanges).set({ expiresAt: new Date() }).where(and(eq(emailChanges.userId, user.id), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, new Date())));
    // Recorded even when the address is taken (the hourly limit counts every request).
    await tx.insert(emailChanges).values({ userId: user.id, newEmail, tokenHash: hash, expiresAt: new Date(Date.now() + (taken ? 0 : EMAIL_CHANGE_TTL_MS)) });
    await audit(tx, { organisationId: ctx.orgId, actorUserId: user.id, action: "auth.email_change_requested", targetType: "user", targetId: user.id, detail: { to: newEmail } });
    const messages: EmailMessage[] = [
      {
        organisationId: ctx.orgId,
        to: user.email,
        subject: "Your Rapport sign-in address: change requested",
        kind: "email_change_notice",
        text: [
          `Hello ${name},`,
          "",
          `Someone signed in to your Rapport account asked to change its sign-in address from this one to ${newEmail}.`,
          "Nothing changes until the link sent to the new address is opened.",
          "",
          "If this wasn't you, change your password now from your account page and tell your organisation's admin.",
        ].join("\n"),
      },
      taken
        ? {
            organisationId: ctx.orgId,
            to: newEmail,
            subject: "Your address and Rapport",
            kind: "email_change_taken",
            text: [
              "Hello,",
              "",
              "Someone asked to use this address for a Rapport account, but it is already the sign-in address of another account, so nothing changed.",
              "If that was you, sign in with this address instead. If it wasn't, you can ignore this email.",
            ].join("\n"),
          }
        : {
            organisationId: ctx.orgId,
            to: newEmail,
            subject: "Confirm your new sign-in address for Rapport",
            kind: "email_change",
            text: [
              `Hello ${name},`,
              "",
              "Confirm that this is your new sign-in address for Rapport by opening this link within 24 hours:",
              smtpConfigured() ? link : "[the link is only sent by email; ask the person who runs this Rapport to check its log]",
              "",
              "Until you do, your account keeps its old address. If you didn't ask for this, ignore this email.",
            ].join("\n"),
            secrets: [link],
          },
    ];
    return { taken: Boolean(taken), pending: await queueEmails(tx, messages) };
  });
  if (result.pending) drainSoon();
  if (!result.taken && !smtpConfigured() && process.env.NODE_ENV !== "test") console.log(`[rapport] no SMTP_URL set: email change link for ${newEmail}: ${link}`);
  return { token: result.taken ? null : token };
}

export type EmailChangeState = { state: "valid"; newEmail: string } | { state: "expired" | "used" | "unknown" };

export const EMAIL_CHANGE_MESSAGES: Record<"expired" | "used" | "unknown" | "taken", string> = {
  expired: "This link has expired or a newer one was sent (links last 24 hours, and only the newest works). Ask again from your account page.",
  used: "This link has already been used. Your account page shows your current sign-in address.",
  unknown: "This link isn't valid. Check you copied the whole link, or ask again from your account page.",
  taken: "This address now belongs to another account, so your address was not changed.",
};

export async function checkEmailChangeToken(token: string): Promise<EmailChangeState> {
  if (!EMAIL_CHANGE_TOKEN.test(token)) return { state: "unknown" };
  const db = await getDb();
  const [row] = await db.select().from(emailChanges).where(eq(emailChanges.tokenHash, hashToken(token)));
  if (!row) return { state: "unknown" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt.getTime() <= Date.now()) return { state: "expired" };
  return { state: "valid", newEmail: row.newEmail };
}

/** Uses up the link and moves the account to the new address (which is verified by this very link). */
export async function confirmEmailChange(token: string): Promise<void> {
  if (!EMAIL_CHANGE_TOKEN.test(token)) throw new ValidationError(EMAIL_CHANGE_MESSAGES.unknown);
  const db = await getDb();
  const done = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(emailChanges)
      .set({ usedAt: new Date() })
      .where(and(eq(emailChanges.tokenHash, hashToken(token)), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, new Date())))
      .returning();
    if (!row) return null;
    const [user] = await tx.select().from(users).where(eq(users.id, row.userId)).for("update");
    if (!user || user.disabledAt) return null;
    try {
      await tx.update(users).set({ email: row.newEmail, emailVerifiedAt: new Date() }).where(eq(users.id, user.id));
    } catch (e) {
      if (isUniqueViolation(e)) throw new ValidationError(EMAIL_CHANGE_MESSAGES.taken);
      throw e;
    }
    const orgId = await firstOrgOf(tx, user.id);
    await audit(tx, { organisationId: orgId, actorUserId: user.id, action: "auth.email_changed", targetType: "user", targetId: user.id, detail: { from: user.email, to: row.newEmail } });
    if (!orgId) return { pending: null };
    const pending = await queueEmails(tx, [
      {
        organisationId: orgId,
        to: user.email,
        subject: "Your Rapport sign-in address was changed",
        kind: "email_change_notice",
        text: [
          `Hello ${plainName(user.name)},`,
          "",
          `The sign-in address of your Rapport account is now ${row.newEmail}. Rapport will no longer write to this address.`,
          "",
          "If you didn't make this change, tell your organisation's admin straight away.",
        ].join("\n"),
      },
    ]);
    return { pending };
  });
  if (!done) {
    const s = await checkEmailChangeToken(token);
    throw new ValidationError(EMAIL_CHANGE_MESSAGES[s.state === "valid" ? "unknown" : s.state]);
  }
  if (done.pending) drainSoon();
}
