import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cohorts, oidcProviders, type Role } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { ValidationError } from "@/lib/core/errors";
import { open, seal } from "@/lib/util/secret-box";

// An organisation's OpenID Connect identity provider settings (issue 18, part D; docs/SSO.md).
// The client secret is sealed with AES-256-GCM and bound to the organisation, and never read back
// to any page: the settings page only learns whether one is set.

const context = (orgId: string) => `oidc:${orgId}`;

export type OidcSettingsInput = { issuer: string; clientId: string; clientSecret?: string; defaultRole: Role; defaultCohortId?: string | null; passwordSignIn: boolean };

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
    throw new ValidationError("Check the highlighted fields.", { issuer: ["Enter the issuer URL, like https://login.microsoftonline.com/<tenant id>/v2.0."] });
  }
  const httpOk = url.protocol === "http:" && httpIssuersAllowed();
  if ((url.protocol !== "https:" && !httpOk) || url.username || url.password || url.search || url.hash) {
    throw new ValidationError("Check the highlighted fields.", { issuer: ["The issuer must be an https:// address with no query or credentials."] });
  }
  return url.toString().replace(/\/$/, "");
}

export async function saveOidcSettings(ctx: Ctx, input: OidcSettingsInput): Promise<void> {
  assertCan(ctx, "org.manage");
  const issuer = checkIssuer(input.issuer);
  const clientId = input.clientId.trim();
  if (!clientId || clientId.length > 200) throw new ValidationError("Check the highlighted fields.", { clientId: ["Enter the client (application) id."] });
  const db = await getDb();
  const [existing] = await db.select({ s: oidcProviders.clientSecretSealed }).from(oidcProviders).where(eq(oidcProviders.organisationId, ctx.orgId));
  const secret = input.clientSecret?.trim();
  if (!secret && !existing) throw new ValidationError("Check the highlighted fields.", { clientSecret: ["Enter the client secret."] });
  const sealed = secret ? seal(secret, context(ctx.orgId)) : existing!.s;
  const defaultCohortId = input.defaultCohortId || null;
  if (defaultCohortId) {
    const [cohort] = await db.select({ id: cohorts.id }).from(cohorts).where(and(eq(cohorts.organisationId, ctx.orgId), eq(cohorts.id, defaultCohortId), isNull(cohorts.archivedAt)));
    if (!cohort) throw new ValidationError("Check the highlighted fields.", { defaultCohortId: ["Choose one of your organisation's cohorts."] });
  }
  const values = { issuer, clientId, clientSecretSealed: sealed, defaultRole: input.defaultRole, defaultCohortId, passwordSignIn: input.passwordSignIn, updatedAt: new Date() };
  await db.transaction(async (tx) => {
    await tx.insert(oidcProviders).values({ organisationId: ctx.orgId, ...values }).onConflictDoUpdate({ target: oidcProviders.organisationId, set: values });
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "org.sso_settings_changed",
      targetType: "organisation",
      targetId: ctx.orgId,
      detail: { issuer, clientId, secretChanged: Boolean(secret), defaultRole: input.defaultRole, defaultCohortId, passwordSignIn: input.passwordSignIn },
    });
  });
}

/** The settings for the admin page: never the secret, only whether one is set. */
export async function getOidcSettings(ctx: Ctx) {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const [row] = await db.select().from(oidcProviders).where(eq(oidcProviders.organisationId, ctx.orgId));
  if (!row) return null;
  return { issuer: row.issuer, clientId: row.clientId, hasSecret: Boolean(row.clientSecretSealed), defaultRole: row.defaultRole as Role, defaultCohortId: row.defaultCohortId, passwordSignIn: row.passwordSignIn };
}

/** The client secret in clear, for the server's own token request only. */
export async function oidcClientSecret(organisationId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ s: oidcProviders.clientSecretSealed }).from(oidcProviders).where(eq(oidcProviders.organisationId, organisationId));
  return row ? open(row.s, context(organisationId)) : null;
}
