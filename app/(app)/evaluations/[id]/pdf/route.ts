import { getContext } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { can } from "@/lib/core/permissions";
import { getEvaluation } from "@/lib/evaluations/evaluations";
import { buildEvaluationPdf } from "@/lib/evaluations/pdf";
import { isUuid } from "@/lib/util/uuid";

export const dynamic = "force-dynamic";

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

/** A signed and locked evaluation as a PDF: for the trainee, their supervisors and the organisation's admins. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await getContext();
  if (!ctx || !can(ctx.role, "evaluations.view") || !isUuid(id)) return notFound();
  try {
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
  } catch (err) {
    if (err instanceof NotFoundError) return notFound();
    throw err;
  }
}
