import "server-only";
import { randomInt } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { recoveryCodes } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/auth/hash";

// Ten single-use recovery codes per person. Each has 50 random bits (ten characters from 32), so
// they are stored like passwords (argon2id with its own salt, ASVS 6.5.2), shown once, and a new
// set replaces the old one whole.

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/i/l or u: nothing to confuse when read off paper.
const ALPHABET = "23456789abcdefghjkmnpqrstvwxyz".split("");
const GROUP = 5;

export function newRecoveryCode(): string {
  let out = "";
  for (let i = 0; i < GROUP * 2; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return `${out.slice(0, GROUP)}-${out.slice(GROUP)}`;
}

/** The code as typed, reduced to what was issued: case, spaces and dashes don't matter. */
export function normaliseRecoveryCode(typed: string): string | null {
  const plain = typed.toLowerCase().replace(/[\s-]+/g, "");
  if (plain.length !== GROUP * 2 || [...plain].some((c) => !ALPHABET.includes(c))) return null;
  return `${plain.slice(0, GROUP)}-${plain.slice(GROUP)}`;
}

/** Replaces the person's codes with ten new ones and returns them (the only time they exist in clear). */
export async function issueRecoveryCodes(tx: DbOrTx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashes = await Promise.all(codes.map((c) => hashPassword(c)));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
  return codes;
}

export async function remainingRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/**
 * Uses up the matching unused code. The UPDATE only succeeds while the code is unused, so two
 * requests racing with one code cannot both succeed.
 */
export async function consumeRecoveryCode(db: DbOrTx, userId: string, typed: string): Promise<boolean> {
  const code = normaliseRecoveryCode(typed);
  if (!code) return false;
  const unused = await db.select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  for (const row of unused) {
    if (!(await verifyPassword(row.codeHash, code))) continue;
    const used = await db
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(recoveryCodes.id, row.id), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    return used.length === 1;
  }
  return false;
}
