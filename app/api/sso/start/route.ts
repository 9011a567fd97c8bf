import { publicRoute } from "@/lib/core/route";
import { appBaseUrl } from "@/lib/email/base-url";
import { beginSso, SsoFailure } from "@/lib/sso/flow";
import { SSO_TXN_COOKIE, SSO_TXN_TTL_SECONDS } from "@/lib/sso/paths";

export const dynamic = "force-dynamic";

// "Continue with single sign-on" on /login posts the email here (fetch, JSON). A domain an
// organisation has verified, with an identity provider set up, gets the provider's address back
// (the page then navigates there: a form post redirected to another site is blocked by our
// form-action 'self' policy); anything else gets the /login/sso page's address with a reason.
// Nothing is created until the provider answers.

const see = (location: string, cookie?: string) => {
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (cookie) headers.append("Set-Cookie", cookie);
  return Response.json({ url: location }, { status: 200, headers });
};

export const POST = publicRoute(async (request) => {
  let email = "";
  let callbackUrl: unknown;
  try {
    const body = (await request.json()) as { email?: unknown; callbackUrl?: unknown };
    email = String(body?.email ?? "").slice(0, 320);
    callbackUrl = body?.callbackUrl;
  } catch {
    return see("/login/sso?error=no-sso");
  }
  if (!/^[^@\s]+@[^@\s]+$/.test(email.trim())) return see("/login/sso?error=no-sso");
  try {
    const started = await beginSso(email, callbackUrl);
    if (!started) return see("/login/sso?error=no-sso");
    const secure = appBaseUrl().startsWith("https:") ? "; Secure" : "";
    // SameSite=Lax: the provider sends the browser back with a top-level GET, which carries it.
    return see(started.url, `${SSO_TXN_COOKIE}=${started.cookie}; Path=/api/sso; Max-Age=${SSO_TXN_TTL_SECONDS}; HttpOnly; SameSite=Lax${secure}`);
  } catch (e) {
    if (e instanceof SsoFailure) {
      console.error(`[rapport] single sign-on could not start: ${e.detail}`);
      return see(`/login/sso?error=${e.code}`);
    }
    throw e;
  }
});

/** Nothing starts on a GET (the page posts the email): back to the start page. */
export const GET = publicRoute(() => new Response(null, { status: 303, headers: { Location: "/", "Cache-Control": "no-store" } }));
