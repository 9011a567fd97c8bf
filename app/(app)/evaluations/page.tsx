import type { Metadata } from "next";
import Link from "next/link";
import { decodeCursor, encodeCursor, formatDate } from "@/components/cases/format";
import { formatDay } from "@/components/evaluations/format";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { type Ctx } from "@/lib/core/context";
import { can } from "@/lib/core/permissions";
import { listMyEvaluations } from "@/lib/evaluations/evaluations";
import { listRounds } from "@/lib/evaluations/rounds";
import { statusLine } from "@/lib/evaluations/status";
import { intParam, param } from "@/lib/util/params";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Evaluations" };

type Search = Record<string, string | string[] | undefined>;
const cell = "px-3 py-2";

function olderLink(key: string, next: { at: string; id: string } | null, label: string) {
  const c = encodeCursor(next);
  return c ? (
    <p className="mt-3">
      <Link href={`/evaluations?${key}=${c}`}>{label}</Link>
    </p>
  ) : null;
}

async function MyEvaluations({ ctx, sp }: { ctx: Ctx; sp: Search }) {
  const after = param(sp, "after", 600);
  const { rows, next } = await listMyEvaluations(ctx, decodeCursor(after));
  const trainee = ctx.role === "trainee";
  return (
    <section aria-labelledby="mine" className="mb-8">
      <h2 id="mine" className="mb-3 text-lg font-semibold">
        {trainee ? "Your evaluations" : "Your trainees' evaluations"}
      </h2>
      {rows.length === 0 ? (
        <p className="text-stone-700">{after ? "No more evaluations." : trainee ? "No evaluation rounds have been opened for you yet." : "None of your trainees has an evaluation yet."}</p>
      ) : (
        <DataTable label={trainee ? "Your evaluations" : "Your trainees' evaluations"} caption={trainee ? "Your evaluations, newest first" : "Evaluations of the trainees you supervise, newest first"} columns={trainee ? ["Round", "Supervisor", "Due", "Where it stands"] : ["Trainee", "Round", "Evaluator", "Due", "Where it stands"]}>
          <tbody className="divide-y divide-stone-200">
            {rows.map((r) => {
              const viewer = trainee ? "self" : r.evaluatorMembershipId === ctx.membershipId ? "supervisor" : null;
              return (
                <tr key={r.id}>
                  {trainee ? null : <td className={cell}>{r.traineeName}</td>}
                  <td className={cell}>
                    <Link href={`/evaluations/${r.id}`}>{trainee ? r.roundName : `${r.roundName}: ${r.traineeName}`}</Link>
                  </td>
                  <td className={cell}>{trainee ? (r.evaluatorName ?? "Not assigned yet") : r.evaluatorMembershipId === ctx.membershipId ? "You" : (r.evaluatorName ?? "Not assigned")}</td>
                  <td className={cell}>{formatDay(r.dueOn)}</td>
                  <td className={cell}>{statusLine(r, viewer)}</td>
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
      {olderLink("after", next, "Older evaluations")}
      {trainee ? (
        <p className="mt-3">
          <Link href={`/evaluations/trainees/${ctx.membershipId}`}>Your ratings over time</Link>
        </p>
      ) : null}
    </section>
  );
}

async function Rounds({ ctx, sp }: { ctx: Ctx; sp: Search }) {
  const after = param(sp, "rounds", 600);
  const { rows, next } = await listRounds(ctx, decodeCursor(after));
  return (
    <section aria-labelledby="rounds" className="mb-8">
      <h2 id="rounds" className="mb-3 text-lg font-semibold">
        {ctx.role === "org_admin" ? "Evaluation rounds" : "Rounds with your trainees"}
      </h2>
      {rows.length === 0 ? (
        <p className="text-stone-700">
          {after ? "No more rounds." : ctx.role === "org_admin" ? "No rounds yet. Add a form on the Forms page, then open a round for a cohort." : "No rounds with your trainees yet."}
        </p>
      ) : (
        <DataTable label="Evaluation rounds" caption="Evaluation rounds, newest first" columns={["Round", "Cohort", "Form", "Opened", "Due", "Both sides in", "Signed"]}>
          <tbody className="divide-y divide-stone-200">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className={cell}>
                  <Link href={`/evaluations/rounds/${r.id}`}>{r.name}</Link>
                </td>
                <td className={cell}>{r.cohortName}</td>
                <td className={cell}>
                  {r.formName} (version {r.formVersion})
                </td>
                <td className={cell}>
                  {formatDate(r.openedAt)} by {r.openedByName}
                </td>
                <td className={cell}>{formatDay(r.dueOn)}</td>
                <td className={cell}>
                  {r.bothSubmitted} of {r.total}
                </td>
                <td className={cell}>
                  {r.locked} of {r.total}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {olderLink("rounds", next, "Older rounds")}
    </section>
  );
}

export default authedPage({ permission: "evaluations.view" }, async function EvaluationsPage(ctx, { searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const opened = intParam(sp, "opened", 0, 10_000);
  return (
    <>
      <PageHeader
        title="Competency evaluations"
        description={
          ctx.role === "trainee"
            ? "Each round asks for your self-evaluation and your supervisor's evaluation. You see each other's once both are submitted, then you both sign."
            : "Trainees complete a self-evaluation and their supervisor an evaluation. Neither sees the other's until both are submitted; then both sign and the evaluation is locked."
        }
        actions={
          can(ctx.role, "evaluations.open") ? (
            <Link className={buttonClass("primary")} href="/evaluations/rounds/new">
              Open a round
            </Link>
          ) : undefined
        }
      />
      {opened !== undefined ? (
        <div className="mb-4">
          <Alert tone="success" live>
            Round opened: {opened === 1 ? "1 evaluation" : `${opened} evaluations`} created. Each trainee and supervisor has been told.
          </Alert>
        </div>
      ) : null}
      {can(ctx.role, "evaluations.respond") ? <MyEvaluations ctx={ctx} sp={sp} /> : null}
      {can(ctx.role, "evaluations.open") ? <Rounds ctx={ctx} sp={sp} /> : null}
    </>
  );
});
