import { authedRoute } from "@/lib/core/route";
import { myTranscript } from "@/lib/certificates/documents";

export const dynamic = "force-dynamic";

/** The caller's own transcript: every completed module with date, CPD hours and serial. */
export const GET = authedRoute({ audit: "/certificates/transcript.pdf" }, async (ctx) => {
  const file = await myTranscript(ctx);
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
