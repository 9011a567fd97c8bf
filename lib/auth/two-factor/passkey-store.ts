import "server-only";
import { and, asc, eq, lt, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { passkeys, webauthnUsedChallenges } from "@/db/schema";

// A person's passkeys (WebAuthn credentials): only the public key is stored; the private key
// never leaves the person's device or security key.

export type PasskeyRow = typeof passkeys.$inferSelect;

export async function listPasskeys(db: DbOrTx, userId: string): Promise<PasskeyRow[]> {
  return db.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(asc(passkeys.createdAt));
}

export async function countPasskeys(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(passkeys).where(eq(passkeys.userId, userId));
  return row?.n ?? 0;
}

/** Removes every passkey of the person; returns how many there were. */
export async function deletePasskeys(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db.delete(passkeys).where(eq(passkeys.userId, userId)).returning({ id: passkeys.id });
  return rows.length;
}

export async function findPasskeyByCredentialId(db: DbOrTx, credentialId: string): Promise<PasskeyRow | null> {
  const [row] = await db.select().from(passkeys).where(eq(passkeys.credentialId, credentialId));
  return row ?? null;
}

/**
 * Records that a challenge has been answered. A second answer to the same challenge (a replayed
 * assertion) finds the row already there and is refused.
 */
export async function spendChallenge(db: DbOrTx, challenge: string, expiresAt: Date): Promise<boolean> {
  const rows = await db.insert(webauthnUsedChallenges).values({ challenge, expiresAt }).onConflictDoNothing().returning({ challenge: webauthnUsedChallenges.challenge });
  return rows.length === 1;
}

export async function pruneUsedChallenges(db: DbOrTx, now = new Date()): Promise<number> {
  const rows = await db.delete(webauthnUsedChallenges).where(lt(webauthnUsedChallenges.expiresAt, now)).returning({ c: webauthnUsedChallenges.challenge });
  return rows.length;
}

export async function renamePasskey(db: DbOrTx, userId: string, id: string, name: string): Promise<boolean> {
  const rows = await db.update(passkeys).set({ name }).where(and(eq(passkeys.id, id), eq(passkeys.userId, userId))).returning({ id: passkeys.id });
  return rows.length === 1;
}

/** The signed-in person's own passkeys, for their security page. */
export async function myPasskeys(userId: string): Promise<PasskeyRow[]> {
  return listPasskeys(await getDb(), userId);
}
