import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cohortMembers, cohorts, memberships, oidcProviders, organisationDomains, users, type Role } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { hashPassword } from "@/lib/auth/hash";
import { normaliseDomain } from "@/lib/orgs/domains";
import { factorSummary, hasSecondFactor, twoFactorRequired } from "@/lib/auth/two-factor/state";
import { idpShowedMfa, ssoStep, type SsoStep } from "./mfa";

// Who a verified identity-provider sign-in is in Rapport (docs/SSO.md, "Signing in", steps 3-5):
// the same account when one exists with that email, otherwise a new account and membership with
// the provider's default role and cohort (just in time), and whether a second step follows.
// Refusals are audited by the caller.

export type SsoIdentity = { email: string; emailVerified: boolean; name?: string | null; subject: string; issuer: string; amr?: unknown; acr?: unknown };
export type SsoProvider = typeof oidcProviders.$inferSelect;
export type SsoRefusal = "domain" | "domain_not_listed" | "unverified_email" | "inactive" | "mfa_required";
export type SsoAccountResult =
  | { ok: true; user: typeof users.$inferSelect; created: boolean; joined: boolean; step: Extract<SsoStep, { ok: true }> }
  | { ok: false; reason: SsoRefusal };

const domainOf = (email: string) => normaliseDomain(email.slice(email.lastIndexOf("@") + 1));

/** The identity provider that vouches for this email's domain: a verified domain assigned to it. */
export async function providerForEmail(email: string) {
  const domain = domainOf(email);
  if (!domain || !email.includes("@")) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      providerId: oidcProviders.id,
      organisationId: oidcProviders.organisationId,
      name: oidcProviders.name,
      issuer: oidcProviders.issuer,
      clientId: oidcProviders.clientId,
      passwordSignIn: oidcProviders.passwordSignIn,
      domain: organisationDomains.domain,
    })
    .from(organisationDomains)
    .innerJoin(oidcProviders, and(eq(oidcProviders.organisationId, organisationDomains.organisationId), eq(oidcProviders.id, organisationDomains.oidcProviderId)))
    .where(and(sql`lower(${organisationDomains.domain}) = ${domain}`, sql`${organisationDomains.verifiedAt} is not null`));
  return row ?? null;
}

class Refused extends Error {
  constructor(readonly reason: SsoRefusal) {
    super(reason);
  }
}

/**
 * Links or creates the account for an identity this provider vouched for. The email must be at a
 * verified domain assigned to this very provider (another provider of the same organisation, say
 * the students' Google, cannot vouch for the staff's Entra domain), and the provider must say it
 * verified the email. A deactivated membership or a disabled account is refused: SSO never
 * reopens access. Where two-step sign-in is required, lib/sso/mfa.ts decides; a refusal there
 * rolls back an account or membership created a moment before.
 */
export async function resolveSsoAccount(provider: SsoProvider, identity: SsoIdentity): Promise<SsoAccountResult> {
  const email = identity.email.trim().toLowerCase();
  const owner = await providerForEmail(email);
  if (!owner || owner.organisationId !== provider.organisationId) return { ok: false, reason: "domain" };
  if (owner.providerId !== provider.id) return { ok: false, reason: "domain_not_listed" };
  if (!identity.emailVerified) return { ok: false, reason: "unverified_email" };
  const organisationId = provider.organisationId;
  const db = await getDb();
  // Hashed before the transaction: argon2 is slow and must not hold a connection.
  const unusablePassword = await hashPassword(randomBytes(32).toString("base64url"));
  try {
    return await db.transaction(async (tx) => {
      let [user] = await tx.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1);
      let created = false;
      if (user?.disabledAt) throw new Refused("inactive");
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
      if (membership && membership.status !== "active") throw new Refused("inactive");
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
          detail: { email, role, cohortId: provider.defaultCohortId, newAccount: created, issuer: identity.issuer, providerId: provider.id },
        });
      }
      // Read inside the transaction, so a membership created just now counts (its role may be one the organisation requires two-step sign-in for).
      const [factors, required] = await Promise.all([factorSummary(tx, user.id), twoFactorRequired(tx, user.id)]);
      const step = ssoStep({ trustIdpMfa: provider.trustIdpMfa, idpMfa: idpShowedMfa(identity, provider.mfaAcrValues ?? []), hasFactor: hasSecondFactor(factors), required });
      if (!step.ok) throw new Refused("mfa_required");
      return { ok: true as const, user, created, joined, step };
    });
  } catch (e) {
    if (e instanceof Refused) return { ok: false, reason: e.reason };
    throw e;
  }
}
