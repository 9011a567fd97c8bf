// Where the identity provider sends people back (register this redirect URI with it), and the
// cookie that carries one sign-in attempt's state, nonce and PKCE verifier between the two.

export const SSO_START_PATH = "/api/sso/start";
export const SSO_CALLBACK_PATH = "/api/sso/callback";
export const SSO_TXN_COOKIE = "rapport-sso";
/** How long someone has to finish signing in at their identity provider. */
export const SSO_TXN_TTL_SECONDS = 10 * 60;

/** Why a single sign-on attempt stopped; /login/sso turns each into a message. */
export type SsoError = "no-sso" | "state" | "token" | "idp" | "domain" | "inactive" | "mfa" | "unavailable";
