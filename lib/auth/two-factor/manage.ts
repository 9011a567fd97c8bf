import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, recoveryCodes, users, userSessions } from "@/db/schema";
import type { Ctx, SignInStep } from "@/lib/core/context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { completeFactorStep } from "@/lib/core/sessions";
import { verifyPassword } from "@/lib/auth/hash";
import { issueRecoveryCodes, remainingRecoveryCodes } from "./recovery-codes";
import { recordFactorChange } from "./notices";
import { factorSummary, hasSecondFactor, twoFactorRequired } from "./state";
import { beginTotp, checkTotp, deleteTotp, getTotp, type TotpEnrolment } from "./totp";
import { deletePasskeys } from "@/lib/auth/two-factor/passkey-store";

// Adding, removing and resetting second factors. A fully signed-in person confirms changes with
// their password (ASVS 7.5.1: re-authenticate before changing how you sign in); someone at the
// enrolment step of sign-in has just typed it.

const WRONG_PASSWORD = "That isn't your current password.";

export async function reauthenticate(userId: string, password: string | undefined): Promise<void> {
  const db = await getDb();
  const [u] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!u || !password || !(await verifyPassword(u.hash, password))) throw new ValidationError("Check the highlighted fields.", { currentPassword: [WRONG_PASSWORD] });
}

export function assertMayEnrol(step: SignInStep): void {
  // A session that still owes its second factor must not add one: that would skip the step.
  if (step.pending === "verify") throw new ValidationError("Finish signing in first.");
}

export async function startTotpSetup(step: SignInStep): Promise<TotpEnrolment> {
  assertMayEnrol(step);
  const db = await getDb();
  const existing = await getTotp(db, step.userId);
  if (existing?.confirmedAt) throw new ConflictError("An authenticator app is already set up. Remove it first to set up another.");
  return beginTotp(db, step.userId, step.userEmail);
}

/** Confirms the app with a code from it. Returns new recovery codes when the person had none. */
export async function confirmTotpSetup(step: SignInStep, input: { code: string; currentPassword?: string }): Promise<{ recoveryCodes: string[] | null }> {
  assertMayEnrol(step);
  if (step.pending === null) await reauthenticate(step.userId, input.currentPassword);
  const db = await getDb();
  const r = await checkTotp(db, step.userId, input.code, { enrolling: true });
  if (r !== "ok") {
    const message = "That code isn't right. Check the app shows Rapport, then enter the 6-digit code it shows now.";
    throw new ValidationError(message, { code: [message] });
  }
  const left = await remainingRecoveryCodes(db, step.userId);
  const { codes, pending } = await db.transaction(async (tx) => {
    const codes = left > 0 ? null : await issueRecoveryCodes(tx, step.userId);
    const pending = await recordFactorChange(tx, { userId: step.userId, actorUserId: step.userId, action: "auth.factor_added", detail: { kind: "totp" } });
    if (step.pending === "enrol") await completeFactorStep(tx, step.sessionId, step.userId, "enrol", "totp");
    return { codes, pending };
  });
  await pending?.deliver();
  return { recoveryCodes: codes };
}

export async function removeTotp(ctx: Ctx, input: { currentPassword: string }): Promise<void> {
  await reauthenticate(ctx.userId, input.currentPassword);
  const db = await getDb();
  const f = await factorSummary(db, ctx.userId);
  if (!f.totp) throw new NotFoundError("There's no authenticator app on your account.");
  if (f.passkeys === 0 && (await twoFactorRequired(db, ctx.userId))) {
    throw new ValidationError("Your organisation requires two-step sign-in. Add a passkey before removing your authenticator app.");
  }
  const pending = await db.transaction(async (tx) => {
    await deleteTotp(tx, ctx.userId);
    // With no factor left, recovery codes would recover nothing: they go too.
    if (f.passkeys === 0) await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, ctx.userId));
    return recordFactorChange(tx, { userId: ctx.userId, actorUserId: ctx.userId, organisationId: ctx.orgId, action: "auth.factor_removed", detail: { kind: "totp" } });
  });
  await pending?.deliver();
}

export async function regenerateRecoveryCodes(ctx: Ctx, input: { currentPassword: string }): Promise<string[]> {
  await reauthenticate(ctx.userId, input.currentPassword);
  const db = await getDb();
  if (!hasSecondFactor(await factorSummary(db, ctx.userId))) throw new ValidationError("Set up an authenticator app or a passkey first; recovery codes come with it.");
  const { codes, pending } = await db.transaction(async (tx) => {
    const codes = await issueRecoveryCodes(tx, ctx.userId);
    const pending = await recordFactorChange(tx, { userId: ctx.userId, actorUserId: ctx.userId, organisationId: ctx.orgId, action: "auth.recovery_codes_regenerated" });
    return { codes, pending };
  });
  await pending?.deliver();
  return codes;
}

/**
 * An org admin removes every second factor of a member of their own organisation (a lost phone)
 * and ends the member's sessions: their next sign-in goes to enrolment if the organisation
 * requires it. Audited in the admin's organisation and emailed to the member.
 */
export async function resetMemberFactors(ctx: Ctx, membershipId: string): Promise<void> {
  const db = await getDb();
  const [m] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.organisationId, ctx.orgId)));
  if (!m) throw new NotFoundError();
  if (m.userId === ctx.userId) throw new ValidationError("You can't reset your own two-step sign-in here. Manage it from your account's security page.");
  const pending = await db.transaction(async (tx) => {
    const hadTotp = await deleteTotp(tx, m.userId);
    const passkeys = await deletePasskeys(tx, m.userId);
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, m.userId));
    await tx.update(userSessions).set({ revokedAt: sql`coalesce(${userSessions.revokedAt}, now())` }).where(eq(userSessions.userId, m.userId));
    return recordFactorChange(tx, {
      userId: m.userId,
      actorUserId: ctx.userId,
      organisationId: ctx.orgId,
      action: "auth.factors_reset",
      detail: { membershipId, totp: hadTotp, passkeys },
      byAdmin: ctx.userName,
    });
  });
  await pending?.deliver();
}
