import { NextResponse, type NextRequest } from "next/server";
import { DEVICE_COOKIE } from "@/lib/auth/device-cookie";
import { checkJsonBody, checkMultipartBody, MAX_ACTION_BODY, type BodyProblem } from "@/lib/security/action-body";

// Only an optimistic redirect for visitors without a session cookie, plus the per-request CSP
// nonce. It is not a security boundary: every page, action and route handler checks for itself.

const PUBLIC_PREFIXES = ["/login", "/signup", "/verify", "/verify-email", "/verify-domain", "/invite", "/reset-password", "/api/", "/no-organisation"];
// The app icon: every page links it, the sign-in page too, so a visitor must get the icon itself.
const PUBLIC_FILES = new Set(["/icon.svg"]);
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

// Route handlers that send their own, stricter Content-Security-Policy (an uploaded image is
// served with default-src 'none'): a header set here would replace theirs.
const OWN_CSP_PATHS = new Set(["/organisation/logo"]);
// Practice recordings and clips likewise (media served with default-src 'none').
const OWN_CSP_PATTERN = /^\/practice\/(attempts\/[^/]+\/recording|drills\/[^/]+\/clip)$/;

function isPublic(pathname: string): boolean {
  return pathname === "/" || PUBLIC_FILES.has(pathname) || PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(p.endsWith("/") ? p : `${p}/`) || pathname.startsWith(p + "?"));
}

/** The body's text, or null once it passes the limit (counted as it streams: chunked bodies too). */
async function readCapped(request: NextRequest, limit: number): Promise<string | null> {
  const reader = request.clone().body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      // Not awaited: cancelling one branch of a cloned (tee'd) body waits for the other branch,
      // which nobody reads once we answer 413, so awaiting it hung the request.
      reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder().decode(all);
}

/**
 * A server action called with a body Next.js can't decode fails inside the framework with a 500
 * before any of our code runs. Refuse such bodies here with 400, and oversized ones with 413.
 */
async function malformedActionBody(request: NextRequest): Promise<BodyProblem> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_ACTION_BODY) return { status: 413, message: "Request too large." };
  const text = await readCapped(request, MAX_ACTION_BODY);
  if (text === null) return { status: 413, message: "Request too large." };
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("application/x-www-form-urlencoded")) return null;
  if (type.startsWith("multipart/form-data")) {
    let parts: Map<string, string> | null = null;
    try {
      const form = await request.clone().formData();
      parts = new Map();
      for (const [k, v] of form) parts.set(k, typeof v === "string" ? v : "");
    } catch {
      parts = null;
    }
    return checkMultipartBody(type, text, parts);
  }
  return checkJsonBody(text);
}

function withDeviceCookie(request: NextRequest, response: NextResponse): NextResponse {
  if (request.cookies.has(DEVICE_COOKIE)) return response;
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  const value = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  response.cookies.set(DEVICE_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: request.nextUrl.protocol === "https:",
    path: "/",
    maxAge: 400 * 24 * 60 * 60,
  });
  return response;
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const malformed = await malformedActionBody(request);
  if (malformed) return NextResponse.json({ ok: false, error: malformed.message }, { status: malformed.status });
  if (!isPublic(pathname) && !SESSION_COOKIES.some((c) => request.cookies.has(c))) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return withDeviceCookie(request, NextResponse.redirect(url));
  }

  const nonce = btoa(crypto.randomUUID());
  const dev = process.env.NODE_ENV !== "production";
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // Practice recordings: the page plays back what was just recorded (a blob: URL) before upload.
    "media-src 'self' blob:",
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
  if (!OWN_CSP_PATHS.has(pathname) && !OWN_CSP_PATTERN.test(pathname)) response.headers.set("Content-Security-Policy", csp);
  return withDeviceCookie(request, response);
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
