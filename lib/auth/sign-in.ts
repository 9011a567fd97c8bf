import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { oidcProviders, organisationDomains, users } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { dummyHash, verifyPassword } from "./hash";
import { consumeFor } from "./request-limits";
import { checkThrottle, isKnownDevice, recordFailure, recordSuccess, throttleKeysFor } from "./throttle";

/** `device` is the hashed device cookie of the browser, or null (see lib/auth/device.ts). */
export type SignInAttempt = { email: string; password: string; address: string | null; device?: string | null };
export type SignInResult = { ok: true; user: typeof users.$inferSelect } | { ok: false; reason: "invalid" } | { ok: false; reason: "sso_required" } | { ok: false; reason: "wait"; retryAfterSeconds: number };

/**
 * Checks a password behind the throttles of lib/auth/throttle-policy.ts. The answer is the same
 * whether the email is unknown, the password wrong or the account disabled, and unknown accounts
 * are throttled exactly like real ones.
 */
export async function signIn(attempt: SignInAttempt): Promise<SignInResult> {
  const db = await getDb();
  const email = attempt.email.trim().toLowerCase().slice(0, 320);
  if (!email || !attempt.password || attempt.password.length > 1024) return { ok: false, reason: "invalid" };
  const device = attempt.device ?? null;
  // An organisation that verified this email's domain may have turned passwords off for the
  // provider it gave the domain to (docs/SSO.md): the person is sent to single sign-on, whatever the password.
  if (await passwordOffForDomain(email)) {
    if (await consumeFor(db, "signInAudit", attempt.address)) await audit(db, { action: "auth.sign_in", outcome: "denied", detail: { email, address: attempt.address, reason: "sso_required" } });
    return { ok: false, reason: "sso_required" };
  }
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
  const knownDevice = await isKnownDevice(db, user?.id, device);
  const keys = throttleKeysFor({ email, device, address: attempt.address, knownDevice });
  const gate = await checkThrottle(db, keys);
  // Failed attempts are audited up to a ceiling per client, so guessing at made-up emails cannot
  // grow the append-only audit log without limit; the throttle counts every attempt regardless.
  const auditFailure = () => consumeFor(db, "signInAudit", attempt.address);
  if (!gate.allowed) {
    if (await auditFailure()) await audit(db, { action: "auth.sign_in", outcome: "denied", detail: { email, address: attempt.address, reason: gate.reason } });
    return { ok: false, reason: "wait", retryAfterSeconds: gate.retryAfterSeconds };
  }
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), attempt.password);
  const success = Boolean(user && ok && !user.disabledAt);
  if (success && user) await recordSuccess(db, { userId: user.id, keys, device });
  else await recordFailure(db, keys);
  if (success || (await auditFailure())) {
    await audit(db, {
      actorUserId: user?.id ?? null,
      action: "auth.sign_in",
      outcome: success ? "success" : "failure",
      detail: { email, address: attempt.address, knownDevice, reason: success ? undefined : !user ? "unknown_email" : !ok ? "bad_password" : "disabled" },
    });
  }
  return success && user ? { ok: true, user } : { ok: false, reason: "invalid" };
}

async function passwordOffForDomain(email: string): Promise<boolean> {
  const at = email.lastIndexOf("@");
  if (at < 0) return false;
  const domain = email.slice(at + 1);
  const db = await getDb();
  const [row] = await db
    .select({ passwordSignIn: oidcProviders.passwordSignIn })
    .from(organisationDomains)
    // The provider this domain is given to decides (an organisation may keep passwords for students on one provider and not for staff on another).
    .innerJoin(oidcProviders, and(eq(oidcProviders.organisationId, organisationDomains.organisationId), eq(oidcProviders.id, organisationDomains.oidcProviderId)))
    .where(and(sql`lower(${organisationDomains.domain}) = ${domain}`, isNotNull(organisationDomains.verifiedAt)));
  return row ? !row.passwordSignIn : false;
}

/** Compatibility wrapper: the user on success, null on any refusal. */
export async function authenticate(attempt: SignInAttempt) {
  const r = await signIn(attempt);
  return r.ok ? r.user : null;
}
