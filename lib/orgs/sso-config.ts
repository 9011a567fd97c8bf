import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, notInArray, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cohorts, oidcProviders, organisationDomains, type Role } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { parseAcrValues } from "./acr-values";
import { open, seal } from "@/lib/util/secret-box";
import { normaliseDomain } from "./domains";

// An organisation's OpenID Connect identity providers (issue 18; docs/SSO.md): one or several,
// each vouching for the verified email domains the admin assigns to it (a domain to one provider
// at most, so an email routes to exactly one). The client secret is sealed with AES-256-GCM and
// bound to the organisation, and never read back to any page: the settings page only learns
// whether one is set.

const context = (orgId: string) => `oidc:${orgId}`;
const CHECK = "Check the highlighted fields.";

export type OidcSettingsInput = {
  /** Absent or null: a new provider. */
  providerId?: string | null;
  name?: string;
  issuer: string;
  clientId: string;
  clientSecret?: string;
  defaultRole: Role;
  defaultCohortId?: string | null;
  passwordSignIn: boolean;
  trustIdpMfa?: boolean;
  /** acr values that count as two-step sign-in, whitespace or comma separated. */
  mfaAcrValues?: string;
  /** Verified domains of the organisation this provider vouches for. */
  domains?: string[];
};

/**
 * Plain http issuers are refused, except when RAPPORT_ALLOW_HTTP_OIDC=1 is set for a test run
 * (playwright.config.ts sets it for its own servers: the test identity provider listens on
 * http://127.0.0.1). Never set it in production.
 */
export function httpIssuersAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.RAPPORT_ALLOW_HTTP_OIDC === "1";
}

function checkIssuer(issuer: string): string {
  let url: URL;
  try {
    url = new URL(issuer.trim());
  } catch {
    throw new ValidationError(CHECK, { issuer: ["Enter the issuer URL, like https://login.microsoftonline.com/<tenant id>/v2.0."] });
  }
  const httpOk = url.protocol === "http:" && httpIssuersAllowed();
  if ((url.protocol !== "https:" && !httpOk) || url.username || url.password || url.search || url.hash) {
    throw new ValidationError(CHECK, { issuer: ["The issuer must be an https:// address with no query or credentials."] });
  }
  return url.toString().replace(/\/$/, "");
}

/**
 * The domains this provider may vouch for: each a verified domain of the caller's organisation,
 * and not another of its providers'. Returns the rows' ids.
 */
async function checkDomains(ctx: Ctx, providerId: string | null, domains: string[]): Promise<{ ids: string[]; names: string[] }> {
  const wanted = [...new Set(domains.map((d) => normaliseDomain(d) ?? d.trim().toLowerCase()).filter(Boolean))];
  if (!wanted.length) return { ids: [], names: [] };
  const db = await getDb();
  const rows = await db
    .select({ id: organisationDomains.id, domain: organisationDomains.domain, verifiedAt: organisationDomains.verifiedAt, providerId: organisationDomains.oidcProviderId, providerName: oidcProviders.name })
    .from(organisationDomains)
    .leftJoin(oidcProviders, and(eq(oidcProviders.organisationId, organisationDomains.organisationId), eq(oidcProviders.id, organisationDomains.oidcProviderId)))
    .where(and(eq(organisationDomains.organisationId, ctx.orgId), inArray(sql`lower(${organisationDomains.domain})`, wanted)));
  const byName = new Map(rows.map((r) => [r.domain.toLowerCase(), r]));
  for (const d of wanted) {
    const row = byName.get(d);
    if (!row?.verifiedAt) throw new ValidationError(CHECK, { domains: [`${d} isn't one of your confirmed domains. Confirm it under Email domains first.`] });
    if (row.providerId && row.providerId !== providerId) {
      throw new ValidationError(CHECK, { domains: [`${d} already signs people in through ${row.providerName ?? "another identity provider"}. Untick it there first: each domain goes to one provider.`] });
    }
  }
  return { ids: wanted.map((d) => byName.get(d)!.id), names: wanted };
}

/** Adds a provider or changes one of the caller's organisation's. Audited. Returns its id. */
export async function saveOidcSettings(ctx: Ctx, input: OidcSettingsInput): Promise<{ providerId: string }> {
  assertCan(ctx, "org.manage");
  const issuer = checkIssuer(input.issuer);
  const clientId = input.clientId.trim();
  if (!clientId || clientId.length > 200) throw new ValidationError(CHECK, { clientId: ["Enter the client (application) id."] });
  const name = (input.name ?? "").trim() || "Identity provider";
  if (name.length > 80) throw new ValidationError(CHECK, { name: ["Use at most 80 characters, like Staff (Microsoft Entra ID)."] });
  const acr = parseAcrValues(input.mfaAcrValues ?? "");
  if ("error" in acr) throw new ValidationError(CHECK, { mfaAcrValues: [acr.error] });
  const db = await getDb();
  const providerId = input.providerId || null;
  let existing: { s: string } | undefined;
  if (providerId) {
    [existing] = await db.select({ s: oidcProviders.clientSecretSealed }).from(oidcProviders).where(and(eq(oidcProviders.organisationId, ctx.orgId), eq(oidcProviders.id, providerId)));
    // Another organisation's provider, or one removed meanwhile.
    if (!existing) throw new NotFoundError();
  }
  const secret = input.clientSecret?.trim();
  if (!secret && !existing) throw new ValidationError(CHECK, { clientSecret: ["Enter the client secret."] });
  const sealed = secret ? seal(secret, context(ctx.orgId)) : existing!.s;
  const defaultCohortId = input.defaultCohortId || null;
  if (defaultCohortId) {
    const [cohort] = await db.select({ id: cohorts.id }).from(cohorts).where(and(eq(cohorts.organisationId, ctx.orgId), eq(cohorts.id, defaultCohortId), isNull(cohorts.archivedAt)));
    if (!cohort) throw new ValidationError(CHECK, { defaultCohortId: ["Choose one of your organisation's cohorts."] });
  }
  const domains = await checkDomains(ctx, providerId, input.domains ?? []);
  const trustIdpMfa = input.trustIdpMfa ?? true;
  const values = { name, issuer, clientId, clientSecretSealed: sealed, defaultRole: input.defaultRole, defaultCohortId, passwordSignIn: input.passwordSignIn, trustIdpMfa, mfaAcrValues: acr.values, updatedAt: new Date() };
  return db.transaction(async (tx) => {
    let id = providerId;
    if (id) await tx.update(oidcProviders).set(values).where(and(eq(oidcProviders.organisationId, ctx.orgId), eq(oidcProviders.id, id)));
    else [{ id }] = await tx.insert(oidcProviders).values({ organisationId: ctx.orgId, ...values }).returning({ id: oidcProviders.id });
    const mine = and(eq(organisationDomains.organisationId, ctx.orgId), eq(organisationDomains.oidcProviderId, id!));
    await tx
      .update(organisationDomains)
      .set({ oidcProviderId: null })
      .where(domains.ids.length ? and(mine, notInArray(organisationDomains.id, domains.ids)) : mine);
    if (domains.ids.length) {
      // Conditional: a domain another provider took since the check above is not taken from it.
      const taken = await tx
        .update(organisationDomains)
        .set({ oidcProviderId: id })
        .where(
          and(
            eq(organisationDomains.organisationId, ctx.orgId),
            inArray(organisationDomains.id, domains.ids),
            isNotNull(organisationDomains.verifiedAt),
            or(isNull(organisationDomains.oidcProviderId), eq(organisationDomains.oidcProviderId, id!)),
          ),
        )
        .returning({ id: organisationDomains.id });
      if (taken.length !== domains.ids.length) throw new ConflictError("Another admin changed these domains just now. Reload the page and try again.");
    }
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "org.sso_settings_changed",
      targetType: "oidc_provider",
      targetId: id,
      detail: { created: !providerId, name, issuer, clientId, secretChanged: Boolean(secret), defaultRole: input.defaultRole, defaultCohortId, passwordSignIn: input.passwordSignIn, trustIdpMfa, mfaAcrValues: acr.values, domains: domains.names },
    });
    return { providerId: id! };
  });
}

/** Removes a provider: its domains stop routing to single sign-on (and allow passwords again). Audited. */
export async function removeOidcProvider(ctx: Ctx, providerId: string): Promise<void> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.select({ name: oidcProviders.name, issuer: oidcProviders.issuer }).from(oidcProviders).where(and(eq(oidcProviders.organisationId, ctx.orgId), eq(oidcProviders.id, providerId)));
    if (!row) throw new NotFoundError();
    const freed = await tx
      .update(organisationDomains)
      .set({ oidcProviderId: null })
      .where(and(eq(organisationDomains.organisationId, ctx.orgId), eq(organisationDomains.oidcProviderId, providerId)))
      .returning({ domain: organisationDomains.domain });
    await tx.delete(oidcProviders).where(and(eq(oidcProviders.organisationId, ctx.orgId), eq(oidcProviders.id, providerId)));
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "org.sso_provider_removed",
      targetType: "oidc_provider",
      targetId: providerId,
      detail: { name: row.name, issuer: row.issuer, domains: freed.map((d) => d.domain) },
    });
  });
}

export type OidcProviderSettings = {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  hasSecret: boolean;
  defaultRole: Role;
  defaultCohortId: string | null;
  passwordSignIn: boolean;
  trustIdpMfa: boolean;
  mfaAcrValues: string[];
  domains: string[];
};

/** The organisation's providers for the admin page, by name: never the secret, only whether one is set. */
export async function listOidcProviders(ctx: Ctx): Promise<OidcProviderSettings[]> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const [rows, domains] = await Promise.all([
    db.select().from(oidcProviders).where(eq(oidcProviders.organisationId, ctx.orgId)).orderBy(asc(oidcProviders.name), asc(oidcProviders.id)),
    db
      .select({ domain: organisationDomains.domain, providerId: organisationDomains.oidcProviderId })
      .from(organisationDomains)
      .where(and(eq(organisationDomains.organisationId, ctx.orgId), isNotNull(organisationDomains.oidcProviderId)))
      .orderBy(organisationDomains.domain),
  ]);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.clientId,
    hasSecret: Boolean(row.clientSecretSealed),
    defaultRole: row.defaultRole as Role,
    defaultCohortId: row.defaultCohortId,
    passwordSignIn: row.passwordSignIn,
    trustIdpMfa: row.trustIdpMfa,
    mfaAcrValues: row.mfaAcrValues ?? [],
    domains: domains.filter((d) => d.providerId === row.id).map((d) => d.domain),
  }));
}

/** The client secret in clear, for the server's own token request only. */
export async function oidcClientSecret(organisationId: string, providerId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ s: oidcProviders.clientSecretSealed })
    .from(oidcProviders)
    .where(and(eq(oidcProviders.organisationId, organisationId), eq(oidcProviders.id, providerId)));
  return row ? open(row.s, context(organisationId)) : null;
}
