import "server-only";
import { getDb } from "@/db/client";
import { auditAs } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { getMember } from "@/lib/orgs/members";
import { accountDelay, clearAccountThrottle } from "@/lib/auth/throttle";

/** Until when a member's sign-in is slowed down for unfamiliar browsers (their own organisation only). */
export async function getSignInDelay(ctx: Ctx, membershipId: string): Promise<{ blockedUntil: Date | null }> {
  assertCan(ctx, "org.manage");
  const member = await getMember(ctx, membershipId);
  const db = await getDb();
  return { blockedUntil: await accountDelay(db, member.email) };
}

/** An org_admin clears a member's sign-in delays; audited. */
export async function clearSignInDelay(ctx: Ctx, membershipId: string): Promise<boolean> {
  assertCan(ctx, "org.manage");
  const member = await getMember(ctx, membershipId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const cleared = (await clearAccountThrottle(tx, member.email)) > 0;
    await auditAs(tx, ctx, { action: "auth.sign_in_unlocked", targetType: "membership", targetId: membershipId, detail: { lifted: cleared } });
    return cleared;
  });
}
