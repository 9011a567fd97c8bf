import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import type { Ctx } from "@/lib/core/context";
import { hashPassword, verifyPassword } from "./hash";
import { assertNotGuessable, personalWords } from "./password-strength";
import { ValidationError } from "@/lib/core/errors";

/** Changes the caller's password and bumps the session version: every session, this one included, ends. */
export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }) {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, ctx.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ValidationError("Check the highlighted fields.", { currentPassword: ["That isn't your current password."] });
  }
  await assertNotGuessable(input.newPassword, "newPassword", personalWords(user.email, user.name, ctx.orgName));
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, ctx.userId));
    await auditAs(tx, ctx, { action: "auth.password_changed", targetType: "user", targetId: ctx.userId });
  });
}
