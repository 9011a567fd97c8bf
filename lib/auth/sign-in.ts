import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { audit } from "@/lib/audit";
import { dummyHash, verifyPassword } from "./hash";

export type SignInAttempt = { email: string; password: string; address: string | null };

/**
 * Checks a password. Returns the user on success, null otherwise: the caller shows one message
 * whether the email is unknown, the password wrong or the account disabled.
 */
export async function authenticate(attempt: SignInAttempt) {
  const db = await getDb();
  const email = attempt.email.trim().toLowerCase();
  if (!email || !attempt.password || attempt.password.length > 1024) return null;
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), attempt.password);
  const success = Boolean(user && ok && !user.disabledAt);
  await audit(db, {
    actorUserId: user?.id ?? null,
    action: "auth.sign_in",
    outcome: success ? "success" : "failure",
    detail: { email, address: attempt.address, reason: success ? undefined : !user ? "unknown_email" : !ok ? "bad_password" : "disabled" },
  });
  return success && user ? user : null;
}
