import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cohortMembers, cohorts, memberships, oidcProviders, organisationDomains, users, type Role } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { hashPassword } from "@/lib/auth/hash";
import { normaliseDomain } from "@/lib/orgs/domains";

// Who a verified identity-provider sign-in is in Rapport (docs/SSO.md, "Signing in", steps 3-4):
// the same account when one exists with that email, otherwise a new account and membership with
// the provider's default role and cohort (just in time). Refusals are audited by the caller.

export type SsoIdentity = { email: string; emailVerified: boolean; name?: string | null; subject: string; issuer: string; amr?: string[] | null };
export type SsoAccountResult =
  | { ok: true; user: typeof users.$inferSelect; created: boolean; joined: boolean }
  | { ok: false; reason: "domain" | "unverified_email" | "inactive" };

/** The provider of the organisation that has verified this email's domain, if SSO is set up there. */
export async function providerForEmail(email: string) {
  const domain = normaliseDomain(email.slice(email.lastIndexOf("@") + 1));
  if (!domain || !email.includes("@")) return null;
  const db = await getDb();
  const [row] = await db
    .select({ organisationId: oidcProviders.organisationId, issuer: oidcProviders.issuer, clientId: oidcProviders.clientId, passwordSignIn: oidcProviders.passwordSignIn, domain: organisationDomains.domain })
    .from(organisationDomains)
    .innerJoin(oidcProviders, eq(oidcProviders.organisationId, organisationDomains.organisationId))
    .where(and(sql`lower(${organisationDomains.domain}) = ${domain}`, sql`${organisationDomains.verifiedAt} is not null`));
  return row ?? null;
}

/**
 * Links or creates the account for an identity the organisation's provider vouched for. The email
 * must be at a domain the organisation has verified, and the provider must say it verified the
 * email. A deactivated membership or a disabled account is refused: SSO never reopens access.
 */
export async function resolveSsoAccount(organisationId: string, identity: SsoIdentity): Promise<SsoAccountResult> {
  const email = identity.email.trim().toLowerCase();
  const owner = await providerForEmail(email);
  if (!owner || owner.organisationId !== organisationId) return { ok: false, reason: "domain" };
  if (!identity.emailVerified) return { ok: false, reason: "unverified_email" };
  const db = await getDb();
  const [provider] = await db.select().from(oidcProviders).where(eq(oidcProviders.organisationId, organisationId));
  if (!provider) return { ok: false, reason: "domain" };
  // Hashed before the transaction: argon2 is slow and must not hold a connection.
  const unusablePassword = await hashPassword(randomBytes(32).toString("base64url"));
  return db.transaction(async (tx) => {
    let [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
    let created = false;
    if (user?.disabledAt) return { ok: false as const, reason: "inactive" as const };
    if (!user) {
      // Nobody knows this random password: the account signs in through the provider (or resets it, if the organisation allows passwords).
      [user] = await tx
        .insert(users)
        .values({ email, name: identity.name?.trim().slice(0, 120) || email.slice(0, email.indexOf("@")), passwordHash: unusablePassword, emailVerifiedAt: new Date() })
        .returning();
      created = true;
    } else if (!user.emailVerifiedAt) {
      // The organisation's provider, for a domain the organisation proved it controls, vouched for this mailbox.
      [user] = await tx.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, user.id)).returning();
    }
    const [membership] = await tx.select().from(memberships).where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, user.id)));
    if (membership && membership.status !== "active") return { ok: false as const, reason: "inactive" as const };
    let joined = false;
    if (!membership) {
      const role: Role = provider.defaultRole === "supervisor" ? "supervisor" : "trainee";
      const [m] = await tx.insert(memberships).values({ organisationId, userId: user.id, role }).returning({ id: memberships.id });
      if (provider.defaultCohortId) {
        const [cohort] = await tx.select({ id: cohorts.id }).from(cohorts).where(and(eq(cohorts.organisationId, organisationId), eq(cohorts.id, provider.defaultCohortId), sql`${cohorts.archivedAt} is null`));
        if (cohort) await tx.insert(cohortMembers).values({ organisationId, cohortId: cohort.id, membershipId: m.id });
      }
      joined = true;
      await audit(tx, {
        organisationId,
        actorUserId: user.id,
        action: "auth.sso_account_created",
        targetType: "membership",
        targetId: m.id,
        detail: { email, role, cohortId: provider.defaultCohortId, newAccount: created, issuer: identity.issuer },
      });
    }
    return { ok: true as const, user, created, joined };
  });
}
