import "server-only";
import { and, asc, eq, inArray, isNotNull, or } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { memberships, organisations, totpFactors } from "@/db/schema";
import { remainingRecoveryCodes } from "./recovery-codes";
import { countPasskeys } from "@/lib/auth/two-factor/passkey-store";

export type TwoFactorPolicy = "off" | "staff" | "everyone";
export const TWO_FACTOR_POLICIES: readonly TwoFactorPolicy[] = ["off", "staff", "everyone"];

export type FactorSummary = { totp: boolean; passkeys: number; recoveryCodesLeft: number };

export async function factorSummary(db: DbOrTx, userId: string): Promise<FactorSummary> {
  const [[totp], passkeys, recoveryCodesLeft] = await Promise.all([
    db.select({ userId: totpFactors.userId }).from(totpFactors).where(and(eq(totpFactors.userId, userId), isNotNull(totpFactors.confirmedAt))),
    countPasskeys(db, userId),
    remainingRecoveryCodes(db, userId),
  ]);
  return { totp: Boolean(totp), passkeys, recoveryCodesLeft };
}

export const hasSecondFactor = (f: FactorSummary) => f.totp || f.passkeys > 0;

/**
 * Whether any organisation the person is active in requires them to use two-step sign-in: the
 * strictest of their organisations applies to the whole account.
 */
export async function twoFactorRequired(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ orgId: organisations.id })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.status, "active"),
        or(eq(organisations.twoFactorPolicy, "everyone"), and(eq(organisations.twoFactorPolicy, "staff"), inArray(memberships.role, ["supervisor", "org_admin"]))),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** What a session started with a password still owes: a second factor, an enrolment, or nothing. */
export async function pendingStepAfterPassword(db: DbOrTx, userId: string): Promise<"verify" | "enrol" | null> {
  if (hasSecondFactor(await factorSummary(db, userId))) return "verify";
  return (await twoFactorRequired(db, userId)) ? "enrol" : null;
}

/** The organisation a security notice about this person is filed under: their oldest active one. */
export async function noticeOrgFor(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ orgId: memberships.organisationId })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active")))
    .orderBy(asc(memberships.joinedAt))
    .limit(1);
  return row?.orgId ?? null;
}


/** The signed-in (or signing-in) person's own factors, for their pages. */
export async function myFactors(userId: string): Promise<FactorSummary & { required: boolean }> {
  const db = await getDb();
  const [f, required] = await Promise.all([factorSummary(db, userId), twoFactorRequired(db, userId)]);
  return { ...f, required };
}
