import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/components/cases/format";
import { PageHeader } from "@/components/ui/page-header";
import { NOT_OBSERVED, recommendationLabel } from "@/lib/evaluations/definition";
import { getTraineeHistory } from "@/lib/evaluations/reports";
import { isUuid } from "@/lib/util/uuid";
import { authedPage } from "@/lib/core/page";
import { NotFoundError } from "@/lib/core/errors";

export const metadata: Metadata = { title: "Ratings over time" };

const cell = "px-3 py-2 align-top";
const short = (r: string | null) => (r === null ? "—" : r === NOT_OBSERVED ? "n/o" : r);

export default authedPage({ permission: "evaluations.view" }, async function TraineeHistoryPage(ctx, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) throw new NotFoundError();
  const h = await getTraineeHistory(ctx, id);
  const own = ctx.membershipId === id;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/evaluations">← All evaluations</Link>
      </p>
      <PageHeader
        title={own ? "Your ratings over time" : `${h.traineeName}: ratings over time`}
        description="Each round's self-rating and supervisor's rating, competency by competency, oldest round first. Only evaluations with both sides submitted are shown; “n/o” is not observed."
      />
      {h.inProgress > 0 ? <p className="mb-4 text-sm text-stone-700">{h.inProgress === 1 ? "1 evaluation is" : `${h.inProgress} evaluations are`} still in progress and not shown.</p> : null}
      {h.rounds.length === 0 ? (
        <p className="text-stone-700">No evaluation with both sides submitted yet.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label="Ratings over time">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Self-rating and supervisor&apos;s rating per competency, by round</caption>
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className={cell}>
                  Competency
                </th>
                {h.rounds.map((r) => (
                  <th key={r.evaluationId} scope="col" className={cell}>
                    <Link href={`/evaluations/${r.evaluationId}`}>{r.roundName}</Link>
                    <span className="block font-normal text-stone-700">{formatDate(r.openedAt)} · self / supervisor</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {h.rows.map((row) => (
                <tr key={row.code}>
                  <th scope="row" className={`${cell} font-normal`}>
                    <span className="block text-xs text-stone-700">{row.domainTitle}</span>
                    {row.title}
                  </th>
                  {row.cells.map((c, i) => (
                    <td key={h.rounds[i].evaluationId} className={`${cell} tabular-nums`}>
                      {c ? `${short(c.self)} / ${short(c.supervisor)}` : "not on this form"}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row" className={`${cell} font-normal`}>
                  Supervisor&apos;s recommendation
                </th>
                {h.rounds.map((r) => (
                  <td key={r.evaluationId} className={cell}>
                    {recommendationLabel(r.definition, r.recommendation)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      )}
    </>
  );
});
