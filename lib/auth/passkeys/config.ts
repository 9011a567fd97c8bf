import { configuredOrigin } from "@/lib/email/base-url";

// The WebAuthn relying party: Rapport's own web origin. Browsers sign over the origin and the
// relying-party id, so a passkey made here never works for another site (phishing-resistant).
// Both come from configuration (APP_URL, or WEBAUTHN_RP_ID / WEBAUTHN_ORIGINS), never from a
// request header. Browsers refuse an IP address as a relying-party id, so a loopback APP_URL
// (http://127.0.0.1:PORT, local runs and tests) is also served as http://localhost:PORT.

type Env = Record<string, string | undefined>;
export type RelyingParty = { rpID: string; rpName: string; origins: string[] };

const LOOPBACK = new Set(["127.0.0.1", "[::1]", "::1"]);

export function relyingParty(env: Env = process.env): RelyingParty {
  const base = configuredOrigin(env) ?? `http://localhost:${/^\d{1,5}$/.test(env.PORT ?? "") ? env.PORT : "3000"}`;
  const url = new URL(base);
  const extra = (env.WEBAUTHN_ORIGINS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (env.WEBAUTHN_RP_ID) return { rpID: env.WEBAUTHN_RP_ID, rpName: "Rapport", origins: [url.origin, ...extra] };
  if (LOOPBACK.has(url.hostname)) {
    const local = new URL(url.origin);
    local.hostname = "localhost";
    return { rpID: "localhost", rpName: "Rapport", origins: [local.origin, url.origin, ...extra] };
  }
  return { rpID: url.hostname, rpName: "Rapport", origins: [url.origin, ...extra] };
}
