import { getCase } from "@/lib/cases/queries";
import { buildCasePdf } from "@/lib/cases/pdf";
import { authedRoute, notFoundResponse } from "@/lib/core/route";

/** The signed-off case as a PDF, for its author and the supervisors assigned to them only. */
export const GET = authedRoute<{ params: Promise<{ id: string }> }>({ audit: "/cases/[id]/pdf" }, async (ctx, _req, { params }) => {
  const { id } = await params;
  const view = await getCase(ctx, id, { via: "pdf" });
  if (view.level !== "full" || view.status !== "signed_off" || !view.signedOffAt) return notFoundResponse();
  const final = [...view.reviews].reverse().find((r) => r.decision === "signed_off");
  const bytes = await buildCasePdf({
    orgName: ctx.orgName,
    authorName: view.authorName,
    clientCode: view.clientCode,
    codeListVersion: view.codeListVersion,
    content: view.content,
    signedOffByName: view.signedOffByName ?? "",
    signedOffAt: view.signedOffAt,
    signedOffVersion: view.signedOffVersion ?? view.submissionCount,
    ratings: final?.ratings ?? null,
  });
  const name = `rupture-case-${(view.clientCode ?? "case").replace(/[^A-Za-z0-9-]/g, "")}-v${view.signedOffVersion}.pdf`;
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
    },
  });
});
