import { authedRoute } from "@/lib/core/route";
import { certificateFile } from "@/lib/certificates/documents";

export const dynamic = "force-dynamic";

export const GET = authedRoute<{ params: Promise<{ serial: string }> }>({ audit: "/certificates/[serial]/pdf" }, async (ctx, _req, { params }) => {
  const { serial } = await params;
  const file = await certificateFile(ctx, serial);
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
