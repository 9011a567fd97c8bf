import { NotFoundError } from "@/lib/core/errors";
import { authedRoute } from "@/lib/core/route";
import { exportMemberRecords } from "@/lib/portfolio/export";
import { isUuid } from "@/lib/util/uuid";

export const dynamic = "force-dynamic";

/** An org_admin's export of one member's records (e.g. when they leave); audited. */
export const GET = authedRoute<{ params: Promise<{ id: string }> }>({ permission: "org.manage", audit: "/admin/members/[id]/records.zip" }, async (ctx, _req, { params }) => {
  const { id } = await params;
  if (!isUuid(id)) throw new NotFoundError();
  const file = await exportMemberRecords(ctx, id);
  return new Response(Buffer.from(file.bytes), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
