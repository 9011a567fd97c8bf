import { getContext } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { myTranscript } from "@/lib/certificates/documents";

export const dynamic = "force-dynamic";

/** The caller's own transcript: every completed module with date, CPD hours and serial. */
export async function GET() {
  const ctx = await getContext();
  if (!ctx) return new Response("Not found", { status: 404 });
  try {
    const file = await myTranscript(ctx);
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw e;
  }
}
