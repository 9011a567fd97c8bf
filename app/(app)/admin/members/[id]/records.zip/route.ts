import { getContext } from "@/lib/core/context";
import { auditDenied } from "@/lib/core/denied";
import { NotFoundError } from "@/lib/core/errors";
import { exportMemberRecords } from "@/lib/portfolio/export";
import { isUuid } from "@/lib/util/uuid";

export const dynamic = "force-dynamic";

/** An org_admin's export of one member's records (e.g. when they leave); audited. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await getContext();
  if (!ctx) return new Response("Not found", { status: 404 });
  const { id } = await params;
  try {
    if (!isUuid(id)) throw new NotFoundError();
    const file = await exportMemberRecords(ctx, id);
    return new Response(Buffer.from(file.bytes), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${file.filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    if (e instanceof NotFoundError) {
      await auditDenied("route:/admin/members/[id]/records.zip");
      return new Response("Not found", { status: 404 });
    }
    throw e;
  }
}
