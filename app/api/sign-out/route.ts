import { endCurrentSession } from "@/lib/auth/sign-out";
import { publicRoute } from "@/lib/core/route";

export const dynamic = "force-dynamic";

// Sign-out is a plain form post to this route, answered with a redirect the browser follows as a
// full page load: nothing of the signed-in pages (a case narrative in the router's cache or the
// page's inline data) survives into the sign-in page on a shared computer. Clear-Site-Data asks
// the browser to drop its cached copies too.

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return origin === null;
  try {
    return new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}

export const POST = publicRoute(async (request) => {
  if (!sameOrigin(request)) return Response.json({ error: "Sign out from Rapport's own pages." }, { status: 403 });
  await endCurrentSession();
  return new Response(null, { status: 303, headers: { Location: "/login?notice=signed-out", "Cache-Control": "no-store", "Clear-Site-Data": '"cache"' } });
});

/** Nothing changes on a GET (a link or a prefetch must not sign anyone out). */
export const GET = publicRoute(() => {
  return new Response(null, { status: 303, headers: { Location: "/", "Cache-Control": "no-store" } });
});
