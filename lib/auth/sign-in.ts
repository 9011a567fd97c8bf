import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { audit } from "@/lib/audit";
import { dummyHash, verifyPassword } from "./hash";
import { checkThrottle, recordFailure, recordSuccess, throttleKeys } from "./throttle";

export type SignInAttempt = { email: string; password: string; address: string | null };
export type SignInResult =
  | { ok: true; user: typeof users.$inferSelect }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked" }
  | { ok: false; reason: "wait"; retryAfterSeconds: number };

/**
 * Checks a password, behind per-account and per-address throttling. The answer is the same
 * whether the email is unknown, the password wrong or the account disabled, and throttling
 * is keyed by the typed email, so unknown accounts are throttled exactly like real ones.
 */
export async function signIn(attempt: SignInAttempt): Promise<SignInResult> {
  const db = await getDb();
  const email = attempt.email.trim().toLowerCase().slice(0, 320);
  if (!email || !attempt.password || attempt.password.length > 1024) return { ok: false, reason: "invalid" };
  const keys = throttleKeys(email, attempt.address);
  const gate = await checkThrottle(db, keys);
  if (!gate.allowed) {
    await audit(db, { action: "auth.sign_in", outcome: "denied", detail: { email, address: attempt.address, reason: gate.reason } });
    return gate.reason === "locked" ? { ok: false, reason: "locked" } : { ok: false, reason: "wait", retryAfterSeconds: gate.retryAfterSeconds };
  }
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), attempt.password);
  const success = Boolean(user && ok && !user.disabledAt);
  if (success) await recordSuccess(db, email);
  else await recordFailure(db, keys);
  await audit(db, {
    actorUserId: user?.id ?? null,
    action: "auth.sign_in",
    outcome: success ? "success" : "failure",
    detail: { email, address: attempt.address, reason: success ? undefined : !user ? "unknown_email" : !ok ? "bad_password" : "disabled" },
  });
  return success && user ? { ok: true, user } : { ok: false, reason: "invalid" };
}

/** Compatibility wrapper: the user on success, null on any refusal. */
export async function authenticate(attempt: SignInAttempt) {
  const r = await signIn(attempt);
  return r.ok ? r.user : null;
}
