import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { getSessionUser } from "@/lib/core/context";
import { authOptions } from "@/lib/auth/options";
import { safeCallback } from "@/lib/util/safe-redirect";
import { publicRoute } from "@/lib/core/route";

const handler = NextAuth(authOptions);
type Params = { params: Promise<{ nextauth: string[] }> };

const NO_STORE = { "Cache-Control": "no-store" };

/** The same callbackUrl, made safe (lib/safe-redirect.ts): next-auth echoes it into a cookie and a Location header. */
function withSafeCallback(url: URL): URL {
  const raw = url.searchParams.get("callbackUrl");
  if (raw === null) return url;
  const out = new URL(url);
  out.searchParams.set("callbackUrl", safeCallback(raw, "/home"));
  return out;
}

async function safeRequest(request: NextRequest): Promise<NextRequest> {
  const url = withSafeCallback(new URL(request.url));
  const headers = new Headers(request.headers);
  if (request.method !== "POST") return new NextRequest(url, { method: request.method, headers });
  headers.delete("content-length");
  const type = request.headers.get("content-type") ?? "";
  const text = await request.text();
  if (!type.startsWith("application/x-www-form-urlencoded")) return new NextRequest(url, { method: "POST", headers, body: text });
  const form = new URLSearchParams(text);
  if (form.has("callbackUrl")) form.set("callbackUrl", safeCallback(form.get("callbackUrl"), "/home"));
  return new NextRequest(url, { method: "POST", headers, body: form.toString() });
}

async function handle(request: NextRequest, context: Params) {
  const { nextauth } = await context.params;
  const action = nextauth.join("/");
  // Signing in goes through POST only; a GET of the credentials callback is not a request next-auth can answer.
  if (request.method === "GET" && action.startsWith("callback/")) return Response.json({ error: "Sign in with the form at /login." }, { status: 405, headers: { Allow: "POST" } });
  // The session endpoint answers with the same server-side checks as every page: a revoked or
  // expired session, a disabled account or a changed password gets no session and no new cookie.
  if (request.method === "GET" && action === "session") {
    const user = await getSessionUser();
    if (!user) return Response.json({}, { headers: NO_STORE });
  }
  try {
    return await handler(await safeRequest(request), context);
  } catch (e) {
    console.error(`[rapport] auth endpoint ${request.method} ${action} failed: ${e instanceof Error ? e.name : "error"}`);
    return Response.json({ error: "That sign-in request could not be handled. Go to /login and try again." }, { status: 400 });
  }
}

export const GET = publicRoute<Params>((request, context) => handle(request as NextRequest, context));
export const POST = GET;
