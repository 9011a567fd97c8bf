import { addressFrom } from "@/lib/auth/client-address";
import { publicRoute } from "@/lib/core/route";
import { appBaseUrl } from "@/lib/email/base-url";
import { completeSso, SsoFailure } from "@/lib/sso/flow";
import { SSO_TXN_COOKIE } from "@/lib/sso/paths";

export const dynamic = "force-dynamic";

// The identity provider sends the browser back here. Every refusal (state, nonce, issuer,
// audience, signature, replay, domain, deactivated member) ends on /login/sso with a message
// and an audit row, never an error page.

/** Every value sent under this name (a browser may hold more than one, on different paths). */
function cookieValues(request: Request, name: string): string[] {
  const out: string[] = [];
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) out.push(part.slice(i + 1).trim());
  }
  return out;
}

export const GET = publicRoute(async (request) => {
  const secure = appBaseUrl().startsWith("https:");
  const headers = new Headers({ "Cache-Control": "no-store" });
  // The attempt is over whatever happens: its cookie goes.
  headers.append("Set-Cookie", `${SSO_TXN_COOKIE}=; Path=/api/sso; Max-Age=0; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`);
  try {
    const done = await completeSso(new URL(request.url), cookieValues(request, SSO_TXN_COOKIE), {
      userAgent: request.headers.get("user-agent"),
      address: addressFrom((n) => request.headers.get(n)),
    });
    const name = secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
    headers.append("Set-Cookie", `${name}=${done.sessionToken}; Path=/; Max-Age=${done.maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`);
    headers.set("Location", done.callbackUrl);
    return new Response(null, { status: 303, headers });
  } catch (e) {
    if (!(e instanceof SsoFailure)) {
      console.error("[rapport] single sign-on failed:", e);
      headers.set("Location", "/login/sso?error=unavailable");
      return new Response(null, { status: 303, headers });
    }
    headers.set("Location", `/login/sso?error=${e.code}`);
    return new Response(null, { status: 303, headers });
  }
});
