import { getContext } from "@/lib/core/context";
import { getCase } from "@/lib/cases/queries";
import { buildCasePdf } from "@/lib/cases/pdf";
import { NotFoundError } from "@/lib/core/errors";
import { isUuid } from "@/lib/util/uuid";

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

/** The signed-off case as a PDF, for its author and the supervisors assigned to them only. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await getContext();
  if (!ctx || !isUuid(id)) return notFound();
  try {
    const view = await getCase(ctx, id, { via: "pdf" });
    if (view.level !== "full" || view.status !== "signed_off" || !view.signedOffAt) return notFound();
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
  } catch (e) {
    if (e instanceof NotFoundError) return notFound();
    throw e;
  }
}
