// Two-step sign-in for people who sign in through their organisation's identity provider
// (docs/SSO.md, "Two-step sign-in through the provider"). Pure: lib/sso/accounts.ts supplies what
// it reads from the database.

/**
 * Authentication methods (RFC 8176) that show more than a password: "mfa" and "mca" say so
 * outright; the others are a possession or inherence factor. "pwd", "pin", "kba", "user", "rba",
 * "geo" and "wia" alone are not enough. Microsoft Entra ID sends "mfa" after any second factor.
 */
export const MFA_AMR_VALUES: ReadonlySet<string> = new Set(["mfa", "mca", "otp", "hwk", "swk", "sc", "sms", "tel", "fpt", "face", "iris", "retina", "vbm"]);

/** Whether the ID token says the provider used a second factor: an amr above, or an acr the admin listed. */
export function idpShowedMfa(claims: { amr?: unknown; acr?: unknown }, acceptedAcr: readonly string[]): boolean {
  const amr = Array.isArray(claims.amr) ? claims.amr.filter((v): v is string => typeof v === "string") : [];
  if (amr.some((v) => MFA_AMR_VALUES.has(v.toLowerCase()))) return true;
  return typeof claims.acr === "string" && claims.acr !== "" && acceptedAcr.includes(claims.acr);
}

export type SsoStep =
  /** Signed in; secondFactor "idp" when the provider showed it did a second step. */
  | { ok: true; pending: null; secondFactor: "idp" | null }
  /** Rapport's own second step follows, as after a password. */
  | { ok: true; pending: "verify" | "enrol"; secondFactor: null }
  /** Refused: the organisation requires two-step sign-in and nothing shows it happened. */
  | { ok: false };

/**
 * What an SSO sign-in still needs.
 * - The provider is trusted and showed a second step: nothing more.
 * - Trusted but no sign of one: the person's own Rapport factor if they have one; otherwise,
 *   where two-step sign-in is required, refused. Enrolling a factor there instead would let
 *   whoever holds only the provider password choose the second factor.
 * - Not trusted (the admin chose Rapport's own step): exactly as after a password: the factor if
 *   there is one, enrolment where it is required.
 */
export function ssoStep(input: { trustIdpMfa: boolean; idpMfa: boolean; hasFactor: boolean; required: boolean }): SsoStep {
  if (input.trustIdpMfa && input.idpMfa) return { ok: true, pending: null, secondFactor: "idp" };
  if (input.hasFactor) return { ok: true, pending: "verify", secondFactor: null };
  if (!input.required) return { ok: true, pending: null, secondFactor: null };
  return input.trustIdpMfa ? { ok: false } : { ok: true, pending: "enrol", secondFactor: null };
}
