import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/components/cases/format";
import { DistributionTable } from "@/components/evaluations/distribution-table";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { getRoundReport } from "@/lib/evaluations/reports";
import { listRounds } from "@/lib/evaluations/rounds";
import { param } from "@/lib/util/params";
import { isUuid } from "@/lib/util/uuid";
import { authedPage } from "@/lib/core/page";
import { NotFoundError } from "@/lib/core/errors";

export const metadata: Metadata = { title: "Cohort report" };

export default authedPage({ permission: "evaluations.reports" }, async function CohortReportPage(ctx, { searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const roundId = param(sp, "round", 40);
  if (roundId && !isUuid(roundId)) throw new NotFoundError();
  const [{ rows: rounds }, report] = await Promise.all([listRounds(ctx), roundId ? getRoundReport(ctx, roundId) : Promise.resolve(null)]);
  return (
    <>
      <PageHeader
        title="Cohort report"
        description="How a cohort's ratings spread over the scale in one round, competency by competency. Only evaluations with both sides submitted count."
        actions={
          <a className="inline-flex min-h-11 items-center" href={`/evaluations/reports/export.csv${report ? `?round=${report.id}` : ""}`} download>
            {report ? "Download this round's ratings (CSV)" : "Download all ratings (CSV)"}
          </a>
        }
      />
      {!report ? (
        rounds.length === 0 ? (
          <p className="text-stone-700">No rounds yet.</p>
        ) : (
          <DataTable label="Rounds" caption="Choose a round" columns={["Round", "Cohort", "Opened", "Both sides in"]}>
            <tbody className="divide-y divide-stone-200">
              {rounds.map((r) => (
                <tr key={r.id}>
                  <td className="px-3 py-2">
                    <Link href={`/evaluations/reports?round=${r.id}`}>{r.name}</Link>
                  </td>
                  <td className="px-3 py-2">{r.cohortName}</td>
                  <td className="px-3 py-2">{formatDate(r.openedAt)}</td>
                  <td className="px-3 py-2">
                    {r.bothSubmitted} of {r.total}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )
      ) : (
        <>
          <p className="mb-2 text-sm">
            <Link href="/evaluations/reports">← All rounds</Link>
          </p>
          <h2 className="text-xl font-semibold">
            {report.name}: {report.cohortName}
          </h2>
          <p className="mb-4 text-sm text-stone-700">
            {report.formName} (version {report.formNumber}) · {report.complete} of {report.evaluations} evaluations with both sides submitted.
          </p>
          {report.complete === 0 ? (
            <Alert tone="info">No evaluation in this round has both sides submitted yet, so there is nothing to count.</Alert>
          ) : (
            <>
              <DistributionTable def={report.definition} rows={report.competencies} />
              <h3 className="mb-2 mt-6 text-lg font-semibold">{report.definition.recommendation.question} (supervisors)</h3>
              <ul className="list-inside list-disc text-sm">
                {report.recommendations.map((r) => (
                  <li key={r.code}>
                    {r.label}: {r.count}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </>
  );
});
