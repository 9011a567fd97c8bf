import { authedRoute, notFoundResponse as notFound } from "@/lib/core/route";
import { getEvaluation } from "@/lib/evaluations/evaluations";
import { buildEvaluationPdf } from "@/lib/evaluations/pdf";
import { isUuid } from "@/lib/util/uuid";

export const dynamic = "force-dynamic";

/** A signed and locked evaluation as a PDF: for the trainee, their supervisors and the organisation's admins. */
export const GET = authedRoute<{ params: Promise<{ id: string }> }>({ permission: "evaluations.view", audit: "/evaluations/[id]/pdf" }, async (ctx, _req, { params }) => {
  const { id } = await params;
  if (!isUuid(id)) return notFound();
  {
    const e = await getEvaluation(ctx, id);
    if (!e.lockedAt || !e.self || !e.supervisor || !e.traineeSignedAt || !e.supervisorSignedAt) return notFound();
    const bytes = await buildEvaluationPdf({
      orgName: ctx.orgName,
      roundName: e.roundName,
      traineeName: e.traineeName,
      supervisorName: e.supervisorSignerName ?? e.evaluatorName ?? "",
      formName: e.form.name,
      formNumber: e.form.number,
      definition: e.form.definition,
      self: e.self,
      supervisor: e.supervisor,
      traineeSignedName: e.traineeSignedName ?? "",
      traineeSignedAt: e.traineeSignedAt,
      supervisorSignedName: e.supervisorSignedName ?? "",
      supervisorSignedAt: e.supervisorSignedAt,
      disagreement: e.disagreement,
    });
    const name = `evaluation-${e.roundName.replace(/[^A-Za-z0-9-]+/g, "-").slice(0, 40)}-${e.traineeName.replace(/[^A-Za-z0-9-]+/g, "-").slice(0, 40)}.pdf`;
    return new Response(Buffer.from(bytes), {
      headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${name}"`, "cache-control": "private, no-store" },
    });
  }
});
