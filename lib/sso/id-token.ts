import "server-only";
import * as oidc from "openid-client";

// What Rapport takes from a provider's answer: the ID token's claims, checked by openid-client
// (signature against the JWKS from discovery, iss, aud, exp, nonce; the code exchange with PKCE),
// and the email it vouches for, from the ID token or, when the token has none, from userinfo.

export type Exchanged = { claims: oidc.IDToken; accessToken: string };

export class TokenRefused extends Error {}

/** The code exchange; any check openid-client refuses becomes a TokenRefused with its reason. */
export async function exchangeCode(config: oidc.Configuration, callback: URL, checks: { verifier: string; state: string; nonce: string }): Promise<Exchanged> {
  try {
    const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: checks.verifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true });
    const claims = tokens.claims();
    if (!claims) throw new Error("no ID token");
    return { claims, accessToken: tokens.access_token };
  } catch (e) {
    throw new TokenRefused(reasonOf(e));
  }
}

/**
 * The library's messages down its chain of causes (openid-client wraps oauth4webapi's error,
 * whose message names the claim), for the audit row.
 */
function reasonOf(e: unknown): string {
  const parts: string[] = [];
  let current: unknown = e;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    if (!parts.includes(current.message)) parts.push(current.message);
    current = current.cause;
  }
  return parts.length ? parts.join(": ") : String(e);
}

export type VouchedEmail = { email: string; emailVerified: boolean; source: "id_token" | "userinfo" } | { email: null; why: string };

/**
 * The email the provider vouches for. An ID token without one (some providers keep it for the
 * userinfo endpoint) sends Rapport to userinfo, whose answer must be about the same subject (the
 * library compares `sub`) and counts only with `email_verified: true`.
 */
export async function vouchedEmail(config: oidc.Configuration, exchanged: Exchanged): Promise<VouchedEmail> {
  const { claims } = exchanged;
  if (typeof claims.email === "string" && claims.email) {
    // Entra ID sends no email_verified; its optional claim xms_edov says the domain owner verified it (docs/SSO.md).
    return { email: claims.email, emailVerified: claims.email_verified === true || claims.xms_edov === true, source: "id_token" };
  }
  let info: oidc.UserInfoResponse;
  try {
    info = await oidc.fetchUserInfo(config, exchanged.accessToken, claims.sub);
  } catch (e) {
    return { email: null, why: `no email claim; userinfo refused: ${reasonOf(e)}` };
  }
  if (typeof info.email !== "string" || !info.email) return { email: null, why: "no email claim in the ID token or userinfo" };
  if (info.email_verified !== true) return { email: null, why: "userinfo email not verified" };
  return { email: info.email, emailVerified: true, source: "userinfo" };
}
