import { NextResponse, type NextRequest } from "next/server";

// Only an optimistic redirect for visitors without a session cookie, plus the per-request CSP
// nonce. It is not a security boundary: every page, action and route handler checks for itself.

const PUBLIC_PREFIXES = ["/login", "/signup", "/verify", "/invite", "/reset-password", "/api/", "/no-organisation"];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

function isPublic(pathname: string): boolean {
  return pathname === "/" || PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p.endsWith("/") ? p : `${p}/`) || pathname.startsWith(p + "?"));
}

const MAX_ACTION_BODY = 2 * 1024 * 1024;

/**
 * A server action called with a body Next.js can't decode fails inside the framework with a 500
 * before any of our code runs. Refuse such bodies here with a plain 400 instead.
 */
async function malformedActionBody(request: NextRequest): Promise<string | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_ACTION_BODY) return "Request too large.";
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded")) return null;
  const body = await request.clone().text();
  if (body.length > MAX_ACTION_BODY) return "Request too large.";
  try {
    const parsed = JSON.parse(body);
    return Array.isArray(parsed) ? null : "Malformed request.";
  } catch {
    return "Malformed request.";
  }
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const malformed = await malformedActionBody(request);
  if (malformed) return NextResponse.json({ ok: false, error: malformed }, { status: malformed.includes("large") ? 413 : 400 });
  if (!isPublic(pathname) && !SESSION_COOKIES.some((c) => request.cookies.has(c))) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }

  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
