import "server-only";
import { and, eq, sql } from "drizzle-orm";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { getDb } from "@/db/client";
import { memberships, organisations, passkeys, recoveryCodes, signInThrottles, users } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import type { SignInStep } from "@/lib/core/context";
import { AppError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { completeFactorStep } from "@/lib/core/sessions";
import { checkThrottle, recordFailure } from "@/lib/auth/throttle";
import { factorThrottleKey } from "@/lib/auth/throttle-policy";
import { consumeFor } from "@/lib/auth/request-limits";
import { assertMayEnrol, reauthenticate } from "@/lib/auth/two-factor/manage";
import { issueRecoveryCodes, remainingRecoveryCodes } from "@/lib/auth/two-factor/recovery-codes";
import { recordFactorChange } from "@/lib/auth/two-factor/notices";
import { twoFactorRequired, factorSummary } from "@/lib/auth/two-factor/state";
import { waitMessage, NOTHING_PENDING } from "@/lib/auth/two-factor/verify";
import { openChallenge, sealChallenge } from "./challenge";
import { relyingParty } from "./config";
import { findPasskeyByCredentialId, listPasskeys, spendChallenge, type PasskeyRow } from "@/lib/auth/two-factor/passkey-store";

// Passkeys and security keys with @simplewebauthn/server: registering several, using one as the
// second step of sign-in, and signing in with one alone where every organisation of the person
// allows it (then user verification, a PIN or biometric on the device, is required, so the passkey
// is two factors by itself).

const uuidBytes = (id: string) => new Uint8Array(Buffer.from(id.replace(/-/g, ""), "hex"));
const TOO_SLOW = "That took too long or was already used. Try again.";

function credentialOf(p: PasskeyRow) {
  return { id: p.credentialId, publicKey: new Uint8Array(Buffer.from(p.publicKey, "base64url")), counter: p.counter, transports: (p.transports ?? undefined) as never };
}

export async function passkeyRegistrationOptions(step: SignInStep, input: { currentPassword?: string }) {
  assertMayEnrol(step);
  if (step.pending === null) await reauthenticate(step.userId, input.currentPassword);
  const rp = relyingParty();
  const existing = await listPasskeys(await getDb(), step.userId);
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: step.userEmail,
    userDisplayName: step.userName,
    userID: uuidBytes(step.userId),
    attestationType: "none",
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports ?? undefined })),
    // Discoverable, so the same passkey can sign in without a password where that is allowed.
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
  });
  return { token: sealChallenge(options.challenge, "register", step.userId), options };
}

export async function registerPasskey(step: SignInStep, input: { token: string; name: string; response: RegistrationResponseJSON }): Promise<{ recoveryCodes: string[] | null }> {
  assertMayEnrol(step);
  const c = openChallenge(input.token, "register", step.userId);
  if (!c) throw new ValidationError(TOO_SLOW);
  const rp = relyingParty();
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({ response: input.response, expectedChallenge: c.challenge, expectedOrigin: rp.origins, expectedRPID: rp.rpID, requireUserVerification: false });
  } catch {
    throw new ValidationError("Your browser's answer couldn't be checked. Try again, or use another passkey.");
  }
  if (!verified.verified) throw new ValidationError("Your browser's answer couldn't be checked. Try again, or use another passkey.");
  const db = await getDb();
  if (!(await spendChallenge(db, c.challenge, c.expiresAt))) throw new ValidationError(TOO_SLOW);
  const info = verified.registrationInfo;
  const left = await remainingRecoveryCodes(db, step.userId);
  const { codes, pending } = await db.transaction(async (tx) => {
    await tx.insert(passkeys).values({
      userId: step.userId,
      credentialId: info.credential.id,
      publicKey: Buffer.from(info.credential.publicKey).toString("base64url"),
      counter: info.credential.counter,
      transports: info.credential.transports ?? null,
      name: input.name,
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
    });
    const codes = left > 0 ? null : await issueRecoveryCodes(tx, step.userId);
    const pending = await recordFactorChange(tx, { userId: step.userId, actorUserId: step.userId, action: "auth.factor_added", detail: { kind: "passkey", name: input.name } });
    if (step.pending === "enrol") await completeFactorStep(tx, step.sessionId, step.userId, "enrol", "passkey");
    return { codes, pending };
  });
  await pending?.deliver();
  return { recoveryCodes: codes };
}

/** Options for using one of the person's own passkeys as the second step. */
export async function passkeyFactorOptions(step: SignInStep) {
  if (step.pending !== "verify") throw new ValidationError(NOTHING_PENDING);
  const mine = await listPasskeys(await getDb(), step.userId);
  if (mine.length === 0) throw new ValidationError("You have no passkey yet. Use your authenticator app or a recovery code.");
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().rpID,
    allowCredentials: mine.map((p) => ({ id: p.credentialId, transports: p.transports ?? undefined })),
    userVerification: "preferred",
  });
  return { token: sealChallenge(options.challenge, "factor", step.userId), options };
}

async function checkAssertion(row: PasskeyRow, challenge: string, response: AuthenticationResponseJSON, requireUserVerification: boolean): Promise<number | null> {
  const rp = relyingParty();
  try {
    const r = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.rpID,
      credential: credentialOf(row),
      requireUserVerification,
    });
    return r.verified ? r.authenticationInfo.newCounter : null;
  } catch {
    return null;
  }
}

export async function verifyPasskeyFactor(step: SignInStep, input: { token: string; response: AuthenticationResponseJSON }): Promise<void> {
  if (step.pending !== "verify") throw new ValidationError(NOTHING_PENDING);
  const db = await getDb();
  const key = factorThrottleKey(step.userId);
  const gate = await checkThrottle(db, [key]);
  if (!gate.allowed) throw new AppError(waitMessage(gate.retryAfterSeconds), "rate_limited");
  const c = openChallenge(input.token, "factor", step.userId);
  const row = c ? await findPasskeyByCredentialId(db, input.response.id) : null;
  const counter = c && row && row.userId === step.userId ? await checkAssertion(row, c.challenge, input.response, false) : null;
  if (!c || !row || counter === null || !(await spendChallenge(db, c.challenge, c.expiresAt))) {
    await recordFailure(db, [key]);
    await audit(db, { actorUserId: step.userId, action: "auth.second_factor", outcome: "failure", detail: { method: "passkey" } });
    throw new ValidationError("That passkey couldn't be checked. Try again, or use your authenticator app or a recovery code.");
  }
  await db.update(passkeys).set({ counter, lastUsedAt: new Date() }).where(eq(passkeys.id, row.id));
  await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
  if (!(await completeFactorStep(db, step.sessionId, step.userId, "verify", "passkey"))) throw new ValidationError(NOTHING_PENDING);
  await audit(db, { actorUserId: step.userId, action: "auth.second_factor", outcome: "success", detail: { method: "passkey", passkeyId: row.id } });
}

/** Options for signing in with a passkey alone (discoverable: the browser offers the person's passkeys). */
export async function passkeySignInOptions() {
  const options = await generateAuthenticationOptions({ rpID: relyingParty().rpID, userVerification: "required" });
  return { token: sealChallenge(options.challenge, "sign_in", null), options };
}

/** Whether every organisation the person is active in lets them sign in with a passkey alone. */
export async function passkeySignInAllowed(userId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ all: sql<number>`count(*)::int`, allowed: sql<number>`count(*) filter (where ${organisations.passkeySignIn})::int` })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active")));
  return Boolean(row && row.all > 0 && row.all === row.allowed);
}

export type PasskeySignIn = { ok: true; user: typeof users.$inferSelect } | { ok: false; reason: "invalid" | "not_allowed" };

export async function verifyPasskeySignIn(input: { token: string; response: AuthenticationResponseJSON }, address: string | null): Promise<PasskeySignIn> {
  const db = await getDb();
  const c = openChallenge(input.token, "sign_in", null);
  const row = c && typeof input.response?.id === "string" ? await findPasskeyByCredentialId(db, input.response.id) : null;
  const counter = c && row ? await checkAssertion(row, c.challenge, input.response, true) : null;
  const [user] = row ? await db.select().from(users).where(eq(users.id, row.userId)) : [];
  const fail = async (reason: string) => {
    if (await consumeFor(db, "signInAudit", address)) await audit(db, { actorUserId: user?.id ?? null, action: "auth.sign_in", outcome: "failure", detail: { method: "passkey", address, reason } });
  };
  if (!c || !row || counter === null || !user || user.disabledAt) {
    await fail(!c ? "challenge" : !row ? "unknown_passkey" : counter === null ? "bad_assertion" : "disabled");
    return { ok: false, reason: "invalid" };
  }
  if (!(await passkeySignInAllowed(user.id))) {
    await fail("not_allowed");
    return { ok: false, reason: "not_allowed" };
  }
  if (!(await spendChallenge(db, c.challenge, c.expiresAt))) {
    await fail("replayed");
    return { ok: false, reason: "invalid" };
  }
  await db.update(passkeys).set({ counter, lastUsedAt: new Date() }).where(eq(passkeys.id, row.id));
  await audit(db, { actorUserId: user.id, action: "auth.sign_in", outcome: "success", detail: { method: "passkey", address, passkeyId: row.id } });
  return { ok: true, user };
}

/** Removes one of the caller's passkeys, with their password; not the last factor where one is required. */
export async function removePasskey(ctx: { userId: string; orgId: string }, input: { id: string; currentPassword: string }): Promise<void> {
  const db = await getDb();
  // Scoped by the caller: someone else's passkey id is not found, whatever the password.
  const [row] = await db.select().from(passkeys).where(and(eq(passkeys.id, input.id), eq(passkeys.userId, ctx.userId)));
  if (!row) throw new NotFoundError();
  await reauthenticate(ctx.userId, input.currentPassword);
  const f = await factorSummary(db, ctx.userId);
  const remaining = f.passkeys - 1 + (f.totp ? 1 : 0);
  if (remaining === 0 && (await twoFactorRequired(db, ctx.userId))) {
    throw new ValidationError("Your organisation requires two-step sign-in. Add another passkey or an authenticator app before removing this one.");
  }
  const pending = await db.transaction(async (tx) => {
    await tx.delete(passkeys).where(eq(passkeys.id, row.id));
    if (remaining === 0) await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, ctx.userId));
    return recordFactorChange(tx, { userId: ctx.userId, actorUserId: ctx.userId, organisationId: ctx.orgId, action: "auth.factor_removed", detail: { kind: "passkey", name: row.name } });
  });
  await pending?.deliver();
}
