import "server-only";
import * as oidc from "openid-client";
import { encode } from "next-auth/jwt";
import { getDb } from "@/db/client";
import { webauthnUsedChallenges } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { consumeFor } from "@/lib/auth/request-limits";
import { startSession, ABSOLUTE_LIFETIME_MS } from "@/lib/core/sessions";
import { appBaseUrl } from "@/lib/email/base-url";
import { httpIssuersAllowed, oidcClientSecret } from "@/lib/orgs/sso-config";
import { safeCallback } from "@/lib/util/safe-redirect";
import { open, seal } from "@/lib/util/secret-box";
import { providerForEmail, resolveSsoAccount, type SsoRefusal } from "./accounts";
import { exchangeCode, TokenRefused, vouchedEmail } from "./id-token";
import { getProviderRow } from "./provider-row";
import { SSO_CALLBACK_PATH, SSO_TXN_TTL_SECONDS, type SsoError } from "./paths";

// Single sign-on through the organisation's OpenID Connect provider (docs/SSO.md), with the
// maintained openid-client: discovery, authorisation code with PKCE, state and nonce. The ID
// token's signature (JWKS from discovery), iss, aud, exp and nonce are checked by the library
// (./id-token.ts). An organisation may have several providers; the email's domain picks one.
// One attempt's secrets travel in a sealed (AES-256-GCM), httpOnly cookie that lives ten minutes,
// and each state is accepted once (a replayed callback is refused).

const TXN_CONTEXT = "sso-transaction";

type Transaction = { orgId: string; providerId: string; state: string; nonce: string; verifier: string; callbackUrl: string; exp: number };

export class SsoFailure extends Error {
  constructor(
    readonly code: SsoError,
    readonly detail: string,
    readonly orgId: string | null = null,
  ) {
    super(detail);
  }
}

const redirectUri = () => `${appBaseUrl()}${SSO_CALLBACK_PATH}`;

async function configFor(orgId: string, providerId: string, issuer: string, clientId: string): Promise<oidc.Configuration> {
  const secret = await oidcClientSecret(orgId, providerId);
  if (!secret) throw new SsoFailure("unavailable", "no client secret", orgId);
  const insecure = new URL(issuer).protocol === "http:";
  if (insecure && !httpIssuersAllowed()) throw new SsoFailure("unavailable", "http issuer refused", orgId);
  try {
    // Discovery refuses a document whose issuer differs from the URL entered. openid-client
    // checks an ID token's signature only with non-repudiation checks on (by default it leans on
    // TLS to the token endpoint, which OIDC Core 3.1.3.7 allows); ASVS 6.8.2 wants it always.
    return await oidc.discovery(new URL(issuer), clientId, undefined, oidc.ClientSecretPost(secret), {
      execute: insecure ? [oidc.enableNonRepudiationChecks, oidc.allowInsecureRequests] : [oidc.enableNonRepudiationChecks],
      timeout: 10,
    });
  } catch (e) {
    throw new SsoFailure("unavailable", `discovery failed: ${e instanceof Error ? e.message : String(e)}`, orgId);
  }
}

/** Where to send the browser for this email, and the sealed transaction cookie; null when its domain has no SSO. */
export async function beginSso(email: string, callbackUrl: unknown): Promise<{ url: string; cookie: string } | null> {
  const provider = await providerForEmail(email.trim().toLowerCase());
  if (!provider) return null;
  const config = await configFor(provider.organisationId, provider.providerId, provider.issuer, provider.clientId);
  const verifier = oidc.randomPKCECodeVerifier();
  const txn: Transaction = {
    orgId: provider.organisationId,
    providerId: provider.providerId,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier,
    callbackUrl: safeCallback(typeof callbackUrl === "string" ? callbackUrl : undefined, "/home"),
    exp: Date.now() + SSO_TXN_TTL_SECONDS * 1000,
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(),
    scope: "openid email profile",
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state: txn.state,
    nonce: txn.nonce,
    login_hint: email.trim(),
  });
  return { url: url.href, cookie: seal(JSON.stringify(txn), TXN_CONTEXT) };
}

function readTransaction(cookie: string | null): Transaction | null {
  if (!cookie) return null;
  try {
    const t = JSON.parse(open(cookie, TXN_CONTEXT)) as Transaction;
    return t.exp > Date.now() ? t : null;
  } catch {
    return null;
  }
}

/** Each state works once: a second callback carrying it (a replay) is refused by the primary key. */
async function consumeState(state: string): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .insert(webauthnUsedChallenges)
    .values({ challenge: `sso:${state}`, expiresAt: new Date(Date.now() + SSO_TXN_TTL_SECONDS * 1000) })
    .onConflictDoNothing()
    .returning({ c: webauthnUsedChallenges.challenge });
  return rows.length === 1;
}

export type SsoSignedIn = { sessionToken: string; callbackUrl: string; maxAge: number };

/** Which page explains each refusal of the account step. */
const REFUSAL_CODE: Record<SsoRefusal, SsoError> = { domain: "domain", domain_not_listed: "domain", unverified_email: "domain", inactive: "inactive", mfa_required: "mfa" };

/**
 * Finishes a sign-in: checks the transaction, exchanges the code (openid-client validates the ID
 * token), links or creates the account and starts an ordinary Rapport session (method "sso"),
 * which still owes Rapport's own second step when lib/sso/mfa.ts says so.
 */
export async function completeSso(currentUrl: URL, txnCookies: string[], client: { userAgent: string | null; address: string | null }): Promise<SsoSignedIn> {
  const db = await getDb();
  const fail = async (code: SsoError, detail: string, orgId: string | null, extra: Record<string, unknown> = {}) => {
    // Refusals are audited up to the same ceiling per client as failed password sign-ins, so
    // anonymous requests to the callback cannot grow the append-only audit log without limit.
    if (await consumeFor(db, "signInAudit", client.address)) await audit(db, { organisationId: orgId, action: "auth.sign_in", outcome: "failure", detail: { method: "sso", reason: code, why: detail.slice(0, 300), address: client.address, ...extra } });
    return new SsoFailure(code, detail, orgId);
  };
  const live = txnCookies.map(readTransaction).filter((t): t is Transaction => t !== null);
  if (!live.length) throw await fail("state", "no live sign-in attempt in this browser", null);
  const returnedState = currentUrl.searchParams.get("state");
  // The attempt this answer belongs to (a stale cookie on another path may be sent as well).
  const txn = live.find((t) => t.state === returnedState) ?? live[0];
  if (!returnedState || returnedState !== txn.state) throw await fail("state", "state mismatch", txn.orgId);
  if (!(await consumeState(txn.state))) throw await fail("state", "state already used (replay)", txn.orgId);
  const idpError = currentUrl.searchParams.get("error");
  if (idpError) throw await fail("idp", `identity provider said ${idpError}`, txn.orgId);
  const provider = txn.providerId ? await getProviderRow(txn.orgId, txn.providerId) : null;
  if (!provider) throw await fail("unavailable", "provider removed", txn.orgId);
  const config = await configFor(txn.orgId, provider.id, provider.issuer, provider.clientId);
  // The callback URL as the provider was told it, whatever host or proxy the request came through.
  const callback = new URL(redirectUri());
  callback.search = currentUrl.search;
  let exchanged;
  try {
    exchanged = await exchangeCode(config, callback, txn);
  } catch (e) {
    if (e instanceof TokenRefused) throw await fail("token", e.message, txn.orgId, { providerId: provider.id });
    throw e;
  }
  const { claims } = exchanged;
  const vouched = await vouchedEmail(config, exchanged);
  if (vouched.email === null) throw await fail("domain", vouched.why, txn.orgId, { providerId: provider.id });
  const email = vouched.email;
  // accounts.google.com serves every Google account: its hosted-domain claim must match too (docs/SSO.md).
  if (claims.iss === "https://accounts.google.com" && claims.hd !== email.slice(email.lastIndexOf("@") + 1).toLowerCase()) {
    throw await fail("domain", "hosted domain (hd) does not match", txn.orgId, { email });
  }
  const result = await resolveSsoAccount(provider, {
    email,
    emailVerified: vouched.emailVerified,
    name: typeof claims.name === "string" ? claims.name : null,
    subject: claims.sub,
    issuer: claims.iss,
    amr: claims.amr,
    acr: claims.acr,
  });
  if (!result.ok) {
    throw await fail(REFUSAL_CODE[result.reason], result.reason, txn.orgId, { email, providerId: provider.id, amr: claims.amr ?? null, acr: claims.acr ?? null });
  }
  const { user, step } = result;
  const sid = await startSession(db, user.id, client.userAgent, { method: "sso", address: client.address, factorPending: step.pending, secondFactor: step.secondFactor });
  await audit(db, {
    organisationId: txn.orgId,
    actorUserId: user.id,
    action: "auth.sign_in",
    outcome: "success",
    detail: {
      method: "sso",
      email: user.email,
      address: client.address,
      issuer: claims.iss,
      providerId: provider.id,
      emailFrom: vouched.source,
      amr: claims.amr ?? null,
      acr: claims.acr ?? null,
      secondStep: step.secondFactor ?? step.pending,
      newAccount: result.created,
      joined: result.joined,
    },
  });
  const maxAge = ABSOLUTE_LIFETIME_MS / 1000;
  // The same token next-auth mints after a password sign-in (lib/auth/options.ts, jwt callback).
  const sessionToken = await encode({ token: { sub: user.id, email: user.email, name: user.name, sv: user.sessionVersion, sid }, secret: process.env.AUTH_SECRET ?? "", maxAge });
  // A session that owes Rapport's own step opens only that step's page (lib/core/context.ts).
  const next = step.pending ? `/login/${step.pending}?callbackUrl=${encodeURIComponent(txn.callbackUrl)}` : txn.callbackUrl;
  return { sessionToken, callbackUrl: next, maxAge };
}
