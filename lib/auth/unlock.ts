import "server-only";
import { inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signInThrottles } from "@/db/schema";
import { audit } from "@/lib/audit";
import { assertCan, type Ctx } from "./context";
import { getMember } from "@/lib/orgs/members";
import { liftLock, throttleKeys } from "./throttle";

/** Whether a member's sign-in is hard-locked after too many failures (their own organisation only). */
export async function getSignInLock(ctx: Ctx, membershipId: string): Promise<{ lockedAt: Date | null; blockedUntil: Date | null }> {
  assertCan(ctx, "org.manage");
  const member = await getMember(ctx, membershipId);
  const db = await getDb();
  const [row] = await db.select().from(signInThrottles).where(inArray(signInThrottles.key, throttleKeys(member.email, null)));
  return { lockedAt: row?.lockedAt ?? null, blockedUntil: row?.blockedUntil ?? null };
}

/** An org_admin lifts the sign-in lock of a member of their organisation; audited. */
export async function unlockSignIn(ctx: Ctx, membershipId: string): Promise<boolean> {
  assertCan(ctx, "org.manage");
  const member = await getMember(ctx, membershipId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const lifted = await liftLock(tx, member.email);
    await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "auth.sign_in_unlocked", targetType: "membership", targetId: membershipId, detail: { lifted } });
    return lifted;
  });
}

