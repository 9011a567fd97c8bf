import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, oidcProviders, organisationDomains, outbox } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { confirmDomainClaim, listDomains, requestDomainClaim, verifiedDomainOwner } from "@/lib/orgs/domains";
import { listOidcProviders, oidcClientSecret, removeOidcProvider, saveOidcSettings } from "@/lib/orgs/sso-config";
import { createOrg, uid } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();
beforeAll(() => {
  process.env.AUTH_SECRET ||= "integration-secret-0123456789abcdef";
});

describe("domain claims for single sign-on", () => {
  it("refuse public webmail domains and malformed ones", async () => {
    const org = await createOrg("Webmail");
    const ctx = ctxOf(org, org.admin);
    for (const domain of ["gmail.com", "Outlook.com", "@hotmail.com"]) {
      await expect(requestDomainClaim(ctx, { domain, localPart: "it" })).rejects.toThrow(ValidationError);
    }
    await expect(requestDomainClaim(ctx, { domain: "not a domain", localPart: "it" })).rejects.toThrow(ValidationError);
    expect(await listDomains(ctx)).toEqual([]);
  });

  it("verify by a link sent to an address at the domain, kept out of the admin-readable outbox", async () => {
    const org = await createOrg("Claim");
    const ctx = ctxOf(org, org.admin);
    const domain = `clinic-${uid()}.example.org`;
    const { token } = await requestDomainClaim(ctx, { domain: domain.toUpperCase(), localPart: "it" });
    const db = await getDb();
    const [mail] = await db.select().from(outbox).where(and(eq(outbox.organisationId, org.orgId), eq(outbox.kind, "domain_verification")));
    expect(mail.to).toBe(`it@${domain}`);
    expect(await verifiedDomainOwner(`someone@${domain}`)).toBeNull();
    expect(await confirmDomainClaim(token)).toEqual({ organisationId: org.orgId, domain });
    expect(await verifiedDomainOwner(`Someone@${domain.toUpperCase()}`)).toBe(org.orgId);
    await expect(confirmDomainClaim(token)).rejects.toThrow(/expired or was already used/);
    const [row] = await db.select().from(organisationDomains).where(eq(organisationDomains.organisationId, org.orgId));
    expect(row.tokenHash).toBeNull();
  });

  it("no other organisation can claim a domain once verified, and the database refuses a racing second verification", async () => {
    const a = await createOrg("ClaimA");
    const b = await createOrg("ClaimB");
    const domain = `shared-${uid()}.example.org`;
    // Both ask before either verifies.
    const first = await requestDomainClaim(ctxOf(a, a.admin), { domain, localPart: "it" });
    const second = await requestDomainClaim(ctxOf(b, b.admin), { domain, localPart: "admin" });
    await confirmDomainClaim(first.token);
    await expect(confirmDomainClaim(second.token)).rejects.toBeInstanceOf(ConflictError);
    await expect(requestDomainClaim(ctxOf(b, b.admin), { domain, localPart: "it" })).rejects.toBeInstanceOf(ConflictError);
    expect(await verifiedDomainOwner(`x@${domain}`)).toBe(a.orgId);
    expect((await listDomains(ctxOf(b, b.admin))).every((d) => d.verifiedAt === null)).toBe(true);
  });
});

describe("OpenID Connect settings", () => {
  it("store the client secret sealed, bound to the organisation, and never hand it to the settings page", async () => {
    const org = await createOrg("Oidc");
    const other = await createOrg("OidcOther");
    const ctx = ctxOf(org, org.admin);
    await expect(saveOidcSettings(ctx, { issuer: "http://insecure.example", clientId: "x", clientSecret: "y", defaultRole: "trainee", passwordSignIn: true })).rejects.toThrow(ValidationError);
    const { providerId } = await saveOidcSettings(ctx, { name: "Staff", issuer: "https://login.microsoftonline.com/tenant-id/v2.0/", clientId: "client-123", clientSecret: "s3cret-value", defaultRole: "trainee", passwordSignIn: false });
    const db = await getDb();
    const [row] = await db.select().from(oidcProviders).where(eq(oidcProviders.organisationId, org.orgId));
    expect(row.clientSecretSealed).not.toContain("s3cret-value");
    expect(await listOidcProviders(ctx)).toEqual([
      { id: providerId, name: "Staff", issuer: "https://login.microsoftonline.com/tenant-id/v2.0", clientId: "client-123", hasSecret: true, defaultRole: "trainee", defaultCohortId: null, passwordSignIn: false, trustIdpMfa: true, mfaAcrValues: [], domains: [] },
    ]);
    expect(await oidcClientSecret(org.orgId, providerId)).toBe("s3cret-value");
    // Saving without a new secret keeps the old one; another organisation sees nothing of it.
    await saveOidcSettings(ctx, { providerId, name: "Staff", issuer: "https://login.microsoftonline.com/tenant-id/v2.0", clientId: "client-456", defaultRole: "supervisor", passwordSignIn: true });
    expect(await oidcClientSecret(org.orgId, providerId)).toBe("s3cret-value");
    expect(await listOidcProviders(ctxOf(other, other.admin))).toEqual([]);
    // Nor can it change or remove it: not found.
    await expect(saveOidcSettings(ctxOf(other, other.admin), { providerId, issuer: "https://evil.example", clientId: "c", clientSecret: "s", defaultRole: "trainee", passwordSignIn: true })).rejects.toThrow(NotFoundError);
    await expect(removeOidcProvider(ctxOf(other, other.admin), providerId)).rejects.toThrow(NotFoundError);
    expect(await oidcClientSecret(other.orgId, providerId)).toBeNull();
    // A sealed secret copied onto another organisation's row does not open.
    const [copy] = await db.insert(oidcProviders).values({ organisationId: other.orgId, issuer: "https://idp.example", clientId: "c", clientSecretSealed: row.clientSecretSealed }).returning();
    await expect(oidcClientSecret(other.orgId, copy.id)).rejects.toThrow();
  });

  it("give each confirmed domain to one provider, with the reason next to the domains field otherwise; removing a provider frees its domains", async () => {
    const org = await createOrg("TwoIdps");
    const other = await createOrg("TwoIdpsOther");
    const ctx = ctxOf(org, org.admin);
    const confirmed = async (c: typeof ctx, label: string) => {
      const domain = `${label}-${uid()}.example.org`;
      await confirmDomainClaim((await requestDomainClaim(c, { domain, localPart: "it" })).token);
      return domain;
    };
    const staff = await confirmed(ctx, "staff");
    const students = await confirmed(ctx, "students");
    const theirs = await confirmed(ctxOf(other, other.admin), "theirs");
    const base = { issuer: "https://idp.example.org", clientSecret: "s", defaultRole: "trainee" as const, passwordSignIn: true };
    const entra = await saveOidcSettings(ctx, { ...base, name: "Staff (Entra ID)", clientId: "entra", domains: [staff] });
    const google = await saveOidcSettings(ctx, { ...base, name: "Students (Google)", clientId: "google", domains: [students], mfaAcrValues: "urn:a, urn:b urn:a", trustIdpMfa: false });
    const fieldError = async (p: Promise<unknown>, field: string) => ((await p.catch((e: unknown) => e)) as ValidationError).fieldErrors?.[field]?.[0];
    expect(await fieldError(saveOidcSettings(ctx, { ...base, providerId: google.providerId, clientId: "google", domains: [students, staff] }), "domains")).toBe(
      `${staff} already signs people in through Staff (Entra ID). Untick it there first: each domain goes to one provider.`,
    );
    expect(await fieldError(saveOidcSettings(ctx, { ...base, providerId: google.providerId, clientId: "google", domains: [theirs] }), "domains")).toBe(`${theirs} isn't one of your confirmed domains. Confirm it under Email domains first.`);
    expect(await fieldError(saveOidcSettings(ctx, { ...base, providerId: google.providerId, clientId: "google", mfaAcrValues: "has a\u0000control" }), "mfaAcrValues")).toMatch(/no spaces/);
    expect(await fieldError(saveOidcSettings(ctx, { ...base, providerId: google.providerId, clientId: "google", name: "x".repeat(81) }), "name")).toMatch(/80 characters/);
    const listed = await listOidcProviders(ctx);
    expect(listed.map((p) => [p.name, p.domains, p.trustIdpMfa, p.mfaAcrValues])).toEqual([
      ["Staff (Entra ID)", [staff], true, []],
      ["Students (Google)", [students], false, ["urn:a", "urn:b"]],
    ]);
    // Moving a domain: untick it on one provider, then tick it on the other.
    await saveOidcSettings(ctx, { ...base, providerId: entra.providerId, name: "Staff (Entra ID)", clientId: "entra", domains: [] });
    await saveOidcSettings(ctx, { ...base, providerId: google.providerId, name: "Students (Google)", clientId: "google", domains: [students, staff] });
    expect((await listOidcProviders(ctx)).map((p) => p.domains)).toEqual([[], [staff, students].sort()]);

    await removeOidcProvider(ctx, google.providerId);
    const db = await getDb();
    expect((await db.select().from(organisationDomains).where(eq(organisationDomains.organisationId, org.orgId))).map((d) => d.oidcProviderId)).toEqual([null, null]);
    expect((await listOidcProviders(ctx)).map((p) => p.name)).toEqual(["Staff (Entra ID)"]);
    const [removed] = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "org.sso_provider_removed")));
    expect(removed.detail).toMatchObject({ name: "Students (Google)", domains: expect.arrayContaining([staff, students]) });
    // A domain can't name another organisation's provider, even written straight to the database.
    await expect(db.update(organisationDomains).set({ oidcProviderId: entra.providerId }).where(eq(organisationDomains.domain, theirs))).rejects.toThrow();
  });
});
