import { getContext } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { exportMyPortfolio } from "@/lib/portfolio/export";

export const dynamic = "force-dynamic";

/** The caller's own records (certificates, transcript, cases, reflections) as one ZIP. */
export async function GET() {
  const ctx = await getContext();
  if (!ctx) return new Response("Not found", { status: 404 });
  try {
    const file = await exportMyPortfolio(ctx);
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw e;
  }
}
