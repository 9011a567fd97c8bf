import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { oidcProviders, organisationDomains, outbox } from "@/db/schema";
import { ConflictError, ValidationError } from "@/lib/core/errors";
import { confirmDomainClaim, listDomains, requestDomainClaim, verifiedDomainOwner } from "@/lib/orgs/domains";
import { getOidcSettings, oidcClientSecret, saveOidcSettings } from "@/lib/orgs/sso-config";
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
    await saveOidcSettings(ctx, { issuer: "https://login.microsoftonline.com/tenant-id/v2.0/", clientId: "client-123", clientSecret: "s3cret-value", defaultRole: "trainee", passwordSignIn: false });
    const db = await getDb();
    const [row] = await db.select().from(oidcProviders).where(eq(oidcProviders.organisationId, org.orgId));
    expect(row.clientSecretSealed).not.toContain("s3cret-value");
    expect(await getOidcSettings(ctx)).toEqual({ issuer: "https://login.microsoftonline.com/tenant-id/v2.0", clientId: "client-123", hasSecret: true, defaultRole: "trainee", defaultCohortId: null, passwordSignIn: false });
    expect(await oidcClientSecret(org.orgId)).toBe("s3cret-value");
    // Saving without a new secret keeps the old one; another organisation sees nothing of it.
    await saveOidcSettings(ctx, { issuer: "https://login.microsoftonline.com/tenant-id/v2.0", clientId: "client-456", defaultRole: "supervisor", passwordSignIn: true });
    expect(await oidcClientSecret(org.orgId)).toBe("s3cret-value");
    expect(await getOidcSettings(ctxOf(other, other.admin))).toBeNull();
    // A sealed secret copied onto another organisation's row does not open.
    await db.insert(oidcProviders).values({ organisationId: other.orgId, issuer: "https://idp.example", clientId: "c", clientSecretSealed: row.clientSecretSealed });
    await expect(oidcClientSecret(other.orgId)).rejects.toThrow();
  });
});
