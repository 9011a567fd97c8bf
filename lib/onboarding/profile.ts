import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberProfiles } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import type { Ctx } from "@/lib/core/context";

export async function getMyProfile(ctx: Ctx): Promise<{ position: string; pronouns: string } | null> {
  const db = await getDb();
  const [p] = await db
    .select({ position: memberProfiles.position, pronouns: memberProfiles.pronouns })
    .from(memberProfiles)
    .where(and(eq(memberProfiles.organisationId, ctx.orgId), eq(memberProfiles.membershipId, ctx.membershipId)));
  return p ?? null;
}

/** Saves the caller's own profile in their current organisation (only ever their own row). */
export async function saveMyProfile(ctx: Ctx, input: { position: string; pronouns: string }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .insert(memberProfiles)
      .values({ organisationId: ctx.orgId, membershipId: ctx.membershipId, position: input.position, pronouns: input.pronouns })
      .onConflictDoUpdate({ target: [memberProfiles.organisationId, memberProfiles.membershipId], set: { position: input.position, pronouns: input.pronouns } });
    await auditAs(tx, ctx, { action: "profile.saved", targetType: "membership", targetId: ctx.membershipId });
  });
}
