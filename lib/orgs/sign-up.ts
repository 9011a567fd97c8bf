import "server-only";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, organisations, users } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertNotGuessable, personalWords } from "@/lib/auth/password-strength";
import { hashPassword } from "@/lib/auth/hash";
import { ValidationError } from "@/lib/core/errors";
import type { SignUpInput } from "./schemas";
import { consumeFor } from "@/lib/auth/request-limits";

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${base || "org"}-${randomBytes(3).toString("hex")}`;
}

export const EMAIL_TAKEN =
  "An account with this email already exists. Sign in instead, or use a different email address.";

/** Creates a person, a new organisation and makes the person its org_admin, all or nothing. */
export async function signUp(input: SignUpInput, opts: { address?: string | null } = {}) {
  const db = await getDb();
  if (!(await consumeFor(db, "signUp", opts.address ?? null))) {
    console.warn(`[rapport] sign-ups over the limit${opts.address ? ` from ${opts.address}` : ""}`);
    throw new ValidationError("Too many organisations have been created from here in the last hour. Try again in an hour, or contact us.");
  }
  await assertNotGuessable(input.password, "password", personalWords(input.email, input.name, input.organisationName));
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
    if (existing) throw new ValidationError("Check the highlighted fields.", { email: [EMAIL_TAKEN] });
    const [user] = await tx.insert(users).values({ email: input.email, name: input.name, passwordHash }).returning();
    const [org] = await tx
      .insert(organisations)
      .values({ name: input.organisationName, slug: slugify(input.organisationName) })
      .returning();
    const [membership] = await tx
      .insert(memberships)
      .values({ organisationId: org.id, userId: user.id, role: "org_admin" })
      .returning();
    await audit(tx, {
      organisationId: org.id,
      actorUserId: user.id,
      action: "org.created",
      targetType: "organisation",
      targetId: org.id,
    });
    return { userId: user.id, orgId: org.id, membershipId: membership.id };
  });
}
