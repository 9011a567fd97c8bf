import { getContext } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { certificateFile } from "@/lib/certificates/documents";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ serial: string }> }) {
  const ctx = await getContext();
  if (!ctx) return new Response("Not found", { status: 404 });
  const { serial } = await params;
  try {
    const file = await certificateFile(ctx, serial);
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
