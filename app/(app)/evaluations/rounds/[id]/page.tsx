import type { Metadata } from "next";
import Link from "next/link";
import { formatDate } from "@/components/cases/format";
import { AssignEvaluatorForm } from "@/components/evaluations/assign-evaluator-form";
import { formatDay } from "@/components/evaluations/format";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/core/permissions";
import { getRound } from "@/lib/evaluations/rounds";
import { statusLine } from "@/lib/evaluations/status";
import { intParam } from "@/lib/util/params";
import { isUuid } from "@/lib/util/uuid";
import { authedPage } from "@/lib/core/page";
import { NotFoundError } from "@/lib/core/errors";

export const metadata: Metadata = { title: "Evaluation round" };

const cell = "px-3 py-2 align-top";

export default authedPage({ permission: "evaluations.open" }, async function RoundPage(ctx, { params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  if (!isUuid(id)) throw new NotFoundError();
  const round = await getRound(ctx, id);
  const sp = await searchParams;
  const opened = intParam(sp, "opened", 0, 10_000);
  const unassigned = intParam(sp, "unassigned", 0, 10_000) ?? 0;
  const admin = ctx.role === "org_admin";
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/evaluations">← All evaluations</Link>
      </p>
      <PageHeader
        title={round.name}
        description={`${round.cohortName} · ${round.formName} (version ${round.formVersion}) · opened ${formatDate(round.openedAt)} by ${round.openedByName}${round.dueOn ? ` · due ${formatDay(round.dueOn)}` : ""}`}
      />
      {opened !== undefined ? (
        <div className="mb-4">
          <Alert tone="success" live title="Round opened">
            {opened === 1 ? "1 evaluation" : `${opened} evaluations`} created; each trainee and evaluator has been told.
            {unassigned > 0 ? ` ${unassigned === 1 ? "1 trainee has" : `${unassigned} trainees have`} no supervisor yet: choose an evaluator below once one is assigned.` : ""}
          </Alert>
        </div>
      ) : null}
      {round.evaluations.length === 0 ? (
        <p className="text-stone-700">None of the trainees in this round is assigned to you now.</p>
      ) : (
        <DataTable label="Evaluations in this round" caption={`Evaluations in ${round.name}`} columns={["Trainee", "Evaluator", "Where it stands", ""]}>
          <tbody className="divide-y divide-stone-200">
            {round.evaluations.map((e) => {
              const editable = admin && !e.supervisorSubmittedAt && !e.lockedAt;
              return (
                <tr key={e.id}>
                  <td className={cell}>{e.traineeName}</td>
                  <td className={cell}>
                    {editable ? (
                      <AssignEvaluatorForm evaluationId={e.id} version={e.version} traineeName={e.traineeName} current={e.evaluatorMembershipId} candidates={round.candidates.get(e.traineeMembershipId) ?? []} />
                    ) : e.evaluatorMembershipId === ctx.membershipId ? (
                      "You"
                    ) : (
                      (e.evaluatorName ?? "Not assigned")
                    )}
                  </td>
                  <td className={cell}>{statusLine(e, e.evaluatorMembershipId === ctx.membershipId ? "supervisor" : null)}</td>
                  <td className={cell}>
                    <Link href={`/evaluations/${e.id}`}>
                      Open<span className="sr-only"> the evaluation of {e.traineeName}</span>
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
      {can(ctx.role, "evaluations.reports") ? (
        <p className="mt-4 flex flex-wrap gap-4">
          <Link href={`/evaluations/reports?round=${round.id}`}>Cohort report for this round</Link>
          <a href={`/evaluations/reports/export.csv?round=${round.id}`} download>
            Download this round&apos;s ratings (CSV)
          </a>
        </p>
      ) : null}
    </>
  );
});
