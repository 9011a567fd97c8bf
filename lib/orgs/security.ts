import "server-only";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organisations, userSessions } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { factorSummary, type TwoFactorPolicy } from "@/lib/auth/two-factor/state";

// The organisation's sign-in rules, set by its admins.

export async function getSignInSettings(ctx: Ctx): Promise<{ twoFactorPolicy: TwoFactorPolicy; passkeySignIn: boolean }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const [row] = await db.select({ p: organisations.twoFactorPolicy, k: organisations.passkeySignIn }).from(organisations).where(eq(organisations.id, ctx.orgId));
  return { twoFactorPolicy: row?.p === "staff" || row?.p === "everyone" ? row.p : "off", passkeySignIn: Boolean(row?.k) };
}

/** Whether members may sign in with a passkey alone. Audited. */
export async function setPasskeySignIn(ctx: Ctx, allowed: boolean): Promise<void> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(organisations).set({ passkeySignIn: allowed }).where(eq(organisations.id, ctx.orgId));
    await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "org.passkey_sign_in_changed", targetType: "organisation", targetId: ctx.orgId, detail: { allowed } });
  });
}

/** Who must use two-step sign-in; applies from each person's next sign-in. Audited. */
export async function setTwoFactorPolicy(ctx: Ctx, policy: TwoFactorPolicy): Promise<void> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(organisations).set({ twoFactorPolicy: policy }).where(eq(organisations.id, ctx.orgId));
    await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "org.two_factor_policy_changed", targetType: "organisation", targetId: ctx.orgId, detail: { policy } });
  });
}

export type MemberSignIn = { totp: boolean; passkeys: number; recoveryCodesLeft: number; lastSignInAt: Date | null; lastMethod: string | null; lastSecondFactor: string | null };

/** How a member of the caller's organisation signs in: their factors and their last sign-in. */
export async function getMemberSignIn(ctx: Ctx, membershipId: string): Promise<MemberSignIn> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const [m] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.id, membershipId), eq(memberships.organisationId, ctx.orgId)));
  if (!m) throw new NotFoundError();
  const [f, [last]] = await Promise.all([
    factorSummary(db, m.userId),
    db
      .select({ at: userSessions.createdAt, method: userSessions.method, secondFactor: userSessions.secondFactor })
      .from(userSessions)
      .where(and(eq(userSessions.userId, m.userId), isNull(userSessions.factorPending)))
      .orderBy(desc(userSessions.createdAt))
      .limit(1),
  ]);
  return { ...f, lastSignInAt: last?.at ?? null, lastMethod: last?.method ?? null, lastSecondFactor: last?.secondFactor ?? null };
}

export type LastSignIn = { at: Date; method: string; secondFactor: string | null };

/** Each listed member's last completed sign-in (any organisation's), for the member list: one query per page. */
export async function lastSignInsOf(ctx: Ctx, membershipIds: string[]): Promise<Map<string, LastSignIn>> {
  assertCan(ctx, "org.manage");
  if (!membershipIds.length) return new Map();
  const db = await getDb();
  const rows = await db
    .selectDistinctOn([memberships.id], { membershipId: memberships.id, at: userSessions.createdAt, method: userSessions.method, secondFactor: userSessions.secondFactor })
    .from(memberships)
    .innerJoin(userSessions, and(eq(userSessions.userId, memberships.userId), isNull(userSessions.factorPending)))
    .where(and(eq(memberships.organisationId, ctx.orgId), inArray(memberships.id, membershipIds)))
    .orderBy(memberships.id, desc(userSessions.createdAt));
  return new Map(rows.map((r) => [r.membershipId, { at: r.at, method: r.method, secondFactor: r.secondFactor }]));
}
