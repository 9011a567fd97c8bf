import { authedRoute, notFoundResponse as notFound } from "@/lib/core/route";
import { ratingLabel, recommendationLabel } from "@/lib/evaluations/definition";
import { listRatingsForExport } from "@/lib/evaluations/reports";
import { toCsv } from "@/lib/reports/csv-write";
import { param } from "@/lib/util/params";
import { isUuid } from "@/lib/util/uuid";

export const dynamic = "force-dynamic";

/** Every rating of the organisation's evaluations with both sides in (one round with ?round=), as CSV. */
export const GET = authedRoute({ permission: "evaluations.reports", audit: "/evaluations/reports/export.csv" }, async (ctx, request) => {
  const round = param(new URL(request.url).searchParams, "round", 40);
  if (round && !isUuid(round)) return notFound();
  {
    const { rows } = await listRatingsForExport(ctx, round);
    const body = toCsv(
      ["round", "cohort", "form", "form_version", "trainee", "trainee_email", "supervisor", "side", "domain", "competency", "rating", "rating_label", "comment", "recommendation", "signed_and_locked"],
      rows.map((r) => [
        r.round,
        r.cohort,
        r.form,
        r.formVersion,
        r.trainee,
        r.traineeEmail,
        r.supervisor,
        r.side,
        r.domain,
        r.competency,
        r.rating,
        ratingLabel(r.definition, r.rating),
        r.comment,
        r.recommendation ? recommendationLabel(r.definition, r.recommendation) : "",
        r.signed ? "yes" : "no",
      ]),
    );
    const day = new Date().toISOString().slice(0, 10);
    return new Response(body, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="evaluations-${day}.csv"`, "Cache-Control": "no-store" },
    });
  }
});
