import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatAuDate } from "@/lib/modules/certificates";
import { getTraineeTraining } from "@/lib/modules/oversight";
import { reflectionFields } from "@/lib/modules/reflection-spec";
import { isUuid } from "@/lib/util/uuid";
import { formatDateTime } from "@/components/cases/format";
import { StatusBadge } from "@/components/cases/status-badge";
import type { Ctx } from "@/lib/core/context";
import { listCaseload } from "@/lib/cases/caseload";
import { ReflectionThread } from "@/components/modules/reflection-thread";
import { listReflectionComments } from "@/lib/modules/reflection-comments";
import { authedPage } from "@/lib/core/page";
import { NotFoundError } from "@/lib/core/errors";

export const metadata: Metadata = { title: "Trainee" };

export default authedPage(async function TraineePage(ctx, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) throw new NotFoundError();
  const t = await getTraineeTraining(ctx, id);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/trainees">← All trainees</Link>
      </p>
      <PageHeader
        title={t.name}
        description={t.email}
        actions={
          ctx.role === "supervisor" ? (
            <Link className={buttonClass("secondary")} href={`/trainees/${t.membershipId}/insight`}>
              Case insight
            </Link>
          ) : undefined
        }
      />
      <section aria-labelledby="progress" className="rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="progress" className="text-lg font-semibold">
          Module progress
        </h2>
        <ul className="mt-3 grid gap-4 md:grid-cols-2">
          {t.catalogue.map((m) => (
            <li key={m.id}>
              <p className="font-medium">{m.title}</p>
              <ProgressBar percent={m.percent} label={`${m.title} progress`} />
              <p className="mt-1 text-sm text-stone-700">
                {m.lessonsDone} of {m.lessonCount} lessons · {m.passed ? `check passed (${m.bestScore}%)` : m.bestScore !== null ? `best check ${m.bestScore}%` : "check not attempted"}
                {m.certificateSerial ? " · certificate issued" : ""}
              </p>
            </li>
          ))}
        </ul>
      </section>
      {ctx.role === "supervisor" ? <TraineeCases ctx={ctx} membershipId={t.membershipId} /> : null}
      <section aria-labelledby="attempts" className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="attempts" className="text-lg font-semibold">
          Knowledge check attempts
        </h2>
        {t.attempts.length === 0 ? (
          <p className="mt-2 text-stone-700">No attempts yet.</p>
        ) : (
          <table className="mt-3 w-full text-left text-sm">
            <caption className="sr-only">Knowledge check attempts</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-4">Module</th>
                <th scope="col" className="py-1 pr-4">Date</th>
                <th scope="col" className="py-1 pr-4">Score</th>
              </tr>
            </thead>
            <tbody>
              {t.attempts.map((a) => (
                <tr key={a.id}>
                  <td className="py-1 pr-4">{a.moduleTitle}</td>
                  <td className="py-1 pr-4">{formatAuDate(a.createdAt)}</td>
                  <td className="py-1 pr-4">
                    {a.score}% {a.passed ? "(passed)" : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {ctx.role === "supervisor" ? (
        <section aria-labelledby="reflections" className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
          <h2 id="reflections" className="text-lg font-semibold">
            Shared reflections
          </h2>
          {t.sharedReflections.length === 0 ? (
            <p className="mt-2 text-stone-700">Nothing shared with you yet. Trainees choose which reflections to share.</p>
          ) : (
            (await Promise.all(t.sharedReflections.map(async (r) => ({ r, comments: await listReflectionComments(ctx, r.id) })))).map(({ r, comments }) => (
              <article key={r.id} className="mt-4 border-t border-stone-200 pt-4" aria-label={`Reflection for ${r.moduleTitle}`}>
                <h3 className="font-semibold">{r.moduleTitle}</h3>
                <p className="text-sm text-stone-700">Shared {r.sharedAt ? formatAuDate(r.sharedAt) : ""}</p>
                <dl className="mt-2 space-y-3">
                  {reflectionFields(r.reflection).map((f) =>
                    r.content[f.key] ? (
                      <div key={f.key}>
                        <dt className="text-sm font-medium text-stone-800">{f.label}</dt>
                        <dd className="whitespace-pre-wrap">{r.content[f.key]}</dd>
                      </div>
                    ) : null,
                  )}
                </dl>
                <ReflectionThread reflectionId={r.id} comments={comments} canStart />
              </article>
            ))
          )}
        </section>
      ) : null}
    </>
  );
});

/** The trainee's submitted cases, for their supervisor (the caseload, filtered to them). */
async function TraineeCases({ ctx, membershipId }: { ctx: Ctx; membershipId: string }) {
  const { rows, next } = await listCaseload(ctx, { trainee: membershipId });
  return (
    <section aria-labelledby="trainee-cases" className="mt-6 rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="trainee-cases" className="text-lg font-semibold">
        Cases
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-stone-700">No submitted cases yet. Drafts stay private until the trainee submits them.</p>
      ) : (
        <ul className="mt-2 space-y-1">
          {rows.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-2">
              {r.urgent ? <span className="rounded bg-red-800 px-1.5 py-0.5 text-xs font-semibold uppercase text-white">Urgent</span> : null}
              <Link href={r.status === "submitted" ? `/reviews/${r.id}?from=caseload` : `/cases/${r.id}`}>{r.clientCode ?? "Case"}</Link>
              <StatusBadge status={r.status} />
              <span className="text-sm text-stone-700">{r.submittedAt ? `submitted ${formatDateTime(r.submittedAt)}` : ""}</span>
            </li>
          ))}
        </ul>
      )}
      {next ? (
        <p className="mt-2">
          <Link href={`/caseload?trainee=${membershipId}`}>All of this trainee&apos;s cases</Link>
        </p>
      ) : null}
    </section>
  );
}
