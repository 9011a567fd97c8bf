import { authedRoute } from "@/lib/core/route";
import { exportMyPortfolio } from "@/lib/portfolio/export";

export const dynamic = "force-dynamic";

/** The caller's own records (certificates, transcript, cases, reflections) as one ZIP. */
export const GET = authedRoute({ audit: "/account/portfolio.zip" }, async (ctx) => {
  const file = await exportMyPortfolio(ctx);
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
