// Starts single sign-on for an email from the browser: /api/sso/start answers with the address
// to go to (the identity provider, or /login/sso with a reason); a redirected form post would be
// blocked by the form-action 'self' policy, so the page navigates itself.

export const SSO_UNREACHABLE = "We couldn't reach Rapport. Check your connection and try again.";

/** Navigates away on success; returns a message to show otherwise. */
export async function startSso(email: string, callbackUrl: string): Promise<string | null> {
  try {
    const res = await fetch("/api/sso/start", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, callbackUrl }) });
    const body = (await res.json()) as { url?: string };
    if (!res.ok || !body.url) return SSO_UNREACHABLE;
    window.location.assign(body.url);
    return null;
  } catch {
    return SSO_UNREACHABLE;
  }
}
