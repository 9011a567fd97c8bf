import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, cohortMembers, memberships, users, userSessions } from "@/db/schema";
import { countQueries } from "@/db/query-count";
import { lastSignInsOf } from "@/lib/orgs/security";
import { startSession } from "@/lib/core/sessions";
import { ValidationError } from "@/lib/core/errors";
import { signIn } from "@/lib/auth/sign-in";
import { createCohort } from "@/lib/orgs/cohorts";
import { confirmDomainClaim, requestDomainClaim } from "@/lib/orgs/domains";
import { listOidcProviders, saveOidcSettings } from "@/lib/orgs/sso-config";
import { providerForEmail, resolveSsoAccount } from "@/lib/sso/accounts";
import { getProviderRow } from "@/lib/sso/provider-row";
import { addMember, createOrg, createUser, TEST_PASSWORD, uid } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();
beforeAll(() => {
  process.env.AUTH_SECRET ||= "integration-secret-0123456789abcdef";
});

/** An organisation with a verified domain and an identity provider (default role trainee unless given). */
async function ssoOrg(label: string, opts: { defaultRole?: "trainee" | "supervisor"; cohort?: boolean; passwordSignIn?: boolean } = {}) {
  const org = await createOrg(label);
  const ctx = ctxOf(org, org.admin);
  const domain = `${label.toLowerCase()}-${uid()}.example.org`;
  const { token } = await requestDomainClaim(ctx, { domain, localPart: "it" });
  await confirmDomainClaim(token);
  const cohort = opts.cohort ? await createCohort(ctx, { name: `SSO intake ${uid()}` }) : null;
  const { providerId } = await saveOidcSettings(ctx, {
    issuer: "https://idp.example.org",
    clientId: "rapport",
    clientSecret: "secret",
    defaultRole: opts.defaultRole ?? "trainee",
    defaultCohortId: cohort?.id ?? null,
    passwordSignIn: opts.passwordSignIn ?? true,
    domains: [domain],
  });
  const provider = (await getProviderRow(org.orgId, providerId))!;
  return { org, ctx, domain, cohortId: cohort?.id ?? null, provider, providerId };
}

const identity = (email: string, extra: Partial<{ emailVerified: boolean; name: string }> = {}) => ({
  email,
  emailVerified: extra.emailVerified ?? true,
  name: extra.name ?? "Sam Sso",
  subject: `sub-${uid()}`,
  issuer: "https://idp.example.org",
});

describe("single sign-on accounts", () => {
  it("create the member just in time with the default role and cohort, then link the same account on the next sign-in", async () => {
    const { org, domain, cohortId, provider } = await ssoOrg("Jit", { defaultRole: "supervisor", cohort: true });
    const email = `sam@${domain}`;
    const first = await resolveSsoAccount(provider, identity(email.toUpperCase()));
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.created).toBe(true);
    expect(first.joined).toBe(true);
    expect(first.user.email).toBe(email);
    expect(first.user.emailVerifiedAt).not.toBeNull();
    const db = await getDb();
    const [m] = await db.select().from(memberships).where(and(eq(memberships.organisationId, org.orgId), eq(memberships.userId, first.user.id)));
    expect(m.role).toBe("supervisor");
    const inCohort = await db.select().from(cohortMembers).where(eq(cohortMembers.membershipId, m.id));
    expect(inCohort.map((c) => c.cohortId)).toEqual([cohortId]);
    const audited = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "auth.sso_account_created")));
    expect(audited).toHaveLength(1);
    // Nobody knows the random password the account was given.
    expect((await signIn({ email, password: TEST_PASSWORD, address: null })).ok).toBe(false);

    const second = await resolveSsoAccount(provider, identity(email));
    expect(second).toMatchObject({ ok: true, created: false, joined: false });
    if (second.ok) expect(second.user.id).toBe(first.user.id);
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });

  it("link an existing account with the same email (it joins the organisation; an existing member keeps their role)", async () => {
    const { org, domain, provider } = await ssoOrg("Link");
    const existing = await createUser("Existing Person", `existing@${domain}`, { verified: false });
    const joined = await resolveSsoAccount(provider, identity(`Existing@${domain}`));
    expect(joined).toMatchObject({ ok: true, created: false, joined: true });
    if (joined.ok) {
      expect(joined.user.id).toBe(existing.id);
      expect(joined.user.emailVerifiedAt).not.toBeNull();
    }
    const member = await createUser("Member Person", `member@${domain}`);
    await addMember(org.orgId, member.id, "supervisor");
    const linked = await resolveSsoAccount(provider, identity(`member@${domain}`));
    expect(linked).toMatchObject({ ok: true, created: false, joined: false });
    const db = await getDb();
    const [m] = await db.select().from(memberships).where(and(eq(memberships.organisationId, org.orgId), eq(memberships.userId, member.id)));
    expect(m.role).toBe("supervisor");
  });

  it("refuse deactivated members, disabled accounts, unverified emails and domains the organisation hasn't verified", async () => {
    const { org, domain, provider } = await ssoOrg("Refuse");
    const other = await ssoOrg("RefuseOther");
    const db = await getDb();
    const leaver = await createUser("Leaver", `leaver@${domain}`);
    const m = await addMember(org.orgId, leaver.id, "trainee");
    await db.update(memberships).set({ status: "deactivated" }).where(eq(memberships.id, m.id));
    expect(await resolveSsoAccount(provider, identity(`leaver@${domain}`))).toEqual({ ok: false, reason: "inactive" });
    const disabled = await createUser("Disabled", `disabled@${domain}`);
    await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, disabled.id));
    expect(await resolveSsoAccount(provider, identity(`disabled@${domain}`))).toEqual({ ok: false, reason: "inactive" });
    expect(await resolveSsoAccount(provider, identity(`new@${domain}`, { emailVerified: false }))).toEqual({ ok: false, reason: "unverified_email" });
    // This organisation's provider can't vouch for another organisation's domain, nor an unclaimed one.
    expect(await resolveSsoAccount(provider, identity(`someone@${other.domain}`))).toEqual({ ok: false, reason: "domain" });
    expect(await resolveSsoAccount(provider, identity(`someone@unclaimed-${uid()}.example.org`))).toEqual({ ok: false, reason: "domain" });
    expect(await db.select().from(users).where(eq(users.email, `new@${domain}`))).toHaveLength(0);
  });

  it("route an email to its organisation's provider only once the domain is verified and a provider is saved", async () => {
    const org = await createOrg("Route");
    const ctx = ctxOf(org, org.admin);
    const domain = `route-${uid()}.example.org`;
    const { token } = await requestDomainClaim(ctx, { domain, localPart: "it" });
    // An unconfirmed domain can't be given to a provider: the message is for the domains field.
    const unconfirmed = await saveOidcSettings(ctx, { issuer: "https://idp.example.org", clientId: "c", clientSecret: "s", defaultRole: "trainee", passwordSignIn: true, domains: [domain] }).catch((e: unknown) => e);
    expect(unconfirmed).toBeInstanceOf(ValidationError);
    expect((unconfirmed as ValidationError).fieldErrors?.domains?.[0]).toContain("isn't one of your confirmed domains");
    const { providerId } = await saveOidcSettings(ctx, { issuer: "https://idp.example.org", clientId: "c", clientSecret: "s", defaultRole: "trainee", passwordSignIn: true });
    expect(await providerForEmail(`a@${domain}`)).toBeNull();
    await confirmDomainClaim(token);
    // Confirmed, but not yet given to the provider.
    expect(await providerForEmail(`a@${domain}`)).toBeNull();
    await saveOidcSettings(ctx, { providerId, issuer: "https://idp.example.org", clientId: "c", defaultRole: "trainee", passwordSignIn: true, domains: [domain.toUpperCase()] });
    expect(await providerForEmail(`a@${domain}`)).toMatchObject({ organisationId: org.orgId, providerId, issuer: "https://idp.example.org", clientId: "c" });
    expect(await providerForEmail("a@gmail.com")).toBeNull();
  });

  it("refuse a password sign-in at a domain whose organisation turned passwords off, and only there", async () => {
    const { org, ctx, domain, providerId } = await ssoOrg("NoPw", { passwordSignIn: false });
    const person = await createUser("Password Person", `pw@${domain}`);
    await addMember(org.orgId, person.id, "trainee");
    expect(await signIn({ email: `pw@${domain}`, password: TEST_PASSWORD, address: null })).toEqual({ ok: false, reason: "sso_required" });
    // Everyone else signs in as before.
    expect((await signIn({ email: org.trainee.email, password: TEST_PASSWORD, address: null })).ok).toBe(true);
    await saveOidcSettings(ctx, { providerId, issuer: "https://idp.example.org", clientId: "rapport", defaultRole: "trainee", passwordSignIn: true, domains: [domain] });
    expect((await signIn({ email: `pw@${domain}`, password: TEST_PASSWORD, address: null })).ok).toBe(true);
    // A second provider that keeps passwords off doesn't reach a domain it wasn't given.
    await saveOidcSettings(ctx, { name: "Other", issuer: "https://other-idp.example.org", clientId: "x", clientSecret: "y", defaultRole: "trainee", passwordSignIn: false });
    expect((await signIn({ email: `pw@${domain}`, password: TEST_PASSWORD, address: null })).ok).toBe(true);
  });

  it("check the settings: another organisation's cohort is refused, http issuers only with the test-only switch", async () => {
    const { ctx } = await ssoOrg("Settings");
    const other = await createOrg("SettingsOther");
    const foreign = await createCohort(ctxOf(other, other.admin), { name: `Foreign ${uid()}` });
    const refused = await saveOidcSettings(ctx, { issuer: "https://idp.example.org", clientId: "c", clientSecret: "s", defaultRole: "trainee", defaultCohortId: foreign.id, passwordSignIn: true }).catch((e: unknown) => e);
    expect((refused as ValidationError).fieldErrors?.defaultCohortId).toEqual(["Choose one of your organisation's cohorts."]);
    const before = process.env.RAPPORT_ALLOW_HTTP_OIDC;
    try {
      delete process.env.RAPPORT_ALLOW_HTTP_OIDC;
      await expect(saveOidcSettings(ctx, { issuer: "http://127.0.0.1:9999", clientId: "c", defaultRole: "trainee", passwordSignIn: true })).rejects.toThrow(ValidationError);
      process.env.RAPPORT_ALLOW_HTTP_OIDC = "1";
      const { providerId } = await saveOidcSettings(ctx, { issuer: "http://127.0.0.1:9999", clientId: "c", clientSecret: "s", defaultRole: "trainee", passwordSignIn: true });
      expect((await listOidcProviders(ctx)).find((p) => p.id === providerId)?.issuer).toBe("http://127.0.0.1:9999");
    } finally {
      if (before === undefined) delete process.env.RAPPORT_ALLOW_HTTP_OIDC;
      else process.env.RAPPORT_ALLOW_HTTP_OIDC = before;
    }
  });

  it("give the member list each member's last completed sign-in and method, in one query, for the caller's organisation only", async () => {
    const { org, provider, domain } = await ssoOrg("LastSignIn");
    const other = await createOrg("LastSignInOther");
    const db = await getDb();
    const joined = await resolveSsoAccount(provider, identity(`last@${domain}`));
    if (!joined.ok) throw new Error("expected a sign-in");
    await db.insert(userSessions).values({ userId: joined.user.id, method: "password", expiresAt: new Date(Date.now() + 60_000), createdAt: new Date(Date.now() - 60_000) });
    await startSession(db, joined.user.id, null, { method: "sso", secondFactor: "idp" });
    // A session still owing its second step is not a completed sign-in.
    await startSession(db, org.trainee.userId, null, { method: "password", factorPending: "verify" });
    const [m] = await db.select().from(memberships).where(and(eq(memberships.organisationId, org.orgId), eq(memberships.userId, joined.user.id)));
    const ids = [m.id, org.trainee.membershipId, org.supervisor.membershipId, other.trainee.membershipId];
    const { count, result } = await countQueries(() => lastSignInsOf(ctxOf(org, org.admin), ids));
    expect(count).toBe(1);
    expect(result.get(m.id)).toMatchObject({ method: "sso", secondFactor: "idp" });
    expect(result.has(org.trainee.membershipId)).toBe(false);
    expect(result.has(org.supervisor.membershipId)).toBe(false);
    await startSession(db, other.trainee.userId, null, { method: "password" });
    expect((await lastSignInsOf(ctxOf(org, org.admin), ids)).has(other.trainee.membershipId)).toBe(false);
  });
});
