import { authedRoute } from "@/lib/core/route";
import { getMyLogo } from "@/lib/orgs/logo";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" } });

/**
 * The caller's own organisation's logo. The type comes from the bytes checked on upload (PNG or
 * JPEG), never from what the uploader declared; nosniff and a CSP that allows nothing keep the
 * browser from treating it as anything but an image. A URL carrying the current hash (?v=…, as
 * the shell links it) may be cached for long; others revalidate.
 */
export const GET = authedRoute({ audit: "/organisation/logo" }, async (ctx, req) => {
  const logo = await getMyLogo(ctx);
  if (!logo) return notFound();
  const wanted = new URL(req.url).searchParams.get("v");
  const etag = `"${logo.sha256.slice(0, 32)}"`;
  const headers = {
    "Content-Type": logo.contentType,
    "Content-Length": String(logo.bytes.length),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Content-Disposition": `inline; filename="logo.${logo.contentType === "image/png" ? "png" : "jpg"}"`,
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": wanted && logo.sha256.startsWith(wanted) ? "private, max-age=31536000, immutable" : "private, no-cache",
    ETag: etag,
  };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(Buffer.from(logo.bytes), { headers });
});
