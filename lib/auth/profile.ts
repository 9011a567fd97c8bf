import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import type { Ctx } from "@/lib/core/context";
import type { z } from "zod";
import type { accountProfileInput } from "./profile-schemas";

// The person's own profile, the same in every organisation they belong to: the display name
// (printed on certificates issued from now on, shown to supervisors and admins), an optional
// preferred name (how Rapport addresses them) and optional pronouns.

export type AccountProfile = { name: string; preferredName: string; pronouns: string; email: string };

export async function getMyAccountProfile(ctx: Ctx): Promise<AccountProfile> {
  const db = await getDb();
  const [u] = await db.select({ name: users.name, preferredName: users.preferredName, pronouns: users.pronouns, email: users.email }).from(users).where(eq(users.id, ctx.userId));
  return { name: u?.name ?? ctx.userName, preferredName: u?.preferredName ?? "", pronouns: u?.pronouns ?? "", email: u?.email ?? ctx.userEmail };
}

/** Only ever the caller's own row; audited in the organisation they are acting in. */
export async function saveMyAccountProfile(ctx: Ctx, input: z.output<typeof accountProfileInput>): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ name: users.name, preferredName: users.preferredName, pronouns: users.pronouns }).from(users).where(eq(users.id, ctx.userId)).for("update");
    const next = { name: input.name, preferredName: input.preferredName || null, pronouns: input.pronouns || null };
    await tx.update(users).set(next).where(eq(users.id, ctx.userId));
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => before?.[k] !== next[k]);
    await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "profile.account_saved", targetType: "user", targetId: ctx.userId, detail: { changed } });
  });
}
