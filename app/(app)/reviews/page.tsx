import type { Metadata } from "next";
import Link from "next/link";
import { decodeCursor, encodeCursor, formatDateTime, waitingFor } from "@/components/cases/format";
import { PageHeader } from "@/components/ui/page-header";
import { labelOf } from "@/lib/cases/codes";
import { listReviewQueue, listUrgentReviews, type QueueRow } from "@/lib/cases/queue";
import { can } from "@/lib/core/permissions";
import { DataTable } from "@/components/ui/data-table";
import { getEmailVerification } from "@/lib/auth/email-verification";
import { Alert } from "@/components/ui/alert";
import { oneOf, param } from "@/lib/util/params";
import { authedPage } from "@/lib/core/page";
import { QueueRows } from "@/components/tables/queue-rows";

export const metadata: Metadata = { title: "Review queue" };

const cell = "px-4 py-2";


export default authedPage({ permission: "cases.review" }, async function ReviewQueuePage(ctx, { searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const after = param(sp, "after", 600);
  const reviewed = oneOf(sp, "reviewed", ["signed_off", "changes_requested"] as const);
  const [{ rows, next }, verification, urgent] = await Promise.all([listReviewQueue(ctx, { after: decodeCursor(after) }), getEmailVerification(ctx.userId), listUrgentReviews(ctx)]);
  const now = new Date();
  return (
    <>
      <PageHeader title="Review queue" description="Cases your trainees have submitted, the longest waiting first." />
      {reviewed ? (
        <div className="mb-4">
          <Alert tone="success" live>
            {reviewed === "signed_off" ? "Review recorded: the case is signed off and the trainee can see it." : "Review recorded: changes requested. The trainee can see what to change."}
          </Alert>
        </div>
      ) : null}
      {!verification.verified ? (
        <div className="mb-4">
          <Alert tone="warning" title="Verify your email address to open cases">
            Case material stays hidden until you follow a link sent to {verification.email}. <Link href="/account">Send the link from your account page</Link>.
          </Alert>
        </div>
      ) : null}
      {urgent.length > 0 ? (
        <section aria-labelledby="urgent-heading" className="mb-6 rounded-lg border-2 border-red-700 bg-red-50 p-4">
          <h2 id="urgent-heading" className="text-lg font-semibold text-red-900">
            Urgent: risk recorded or suggested ({urgent.length})
          </h2>
          <p className="mt-1 text-sm text-red-950">
            Open each case, check the trainee&apos;s Risk section and record that you have seen it and what you did. These stay at the top until you do.
          </p>
          <ul className="mt-3 space-y-2">
            {urgent.map((r) => (
              <li key={r.id} className="rounded-md border border-red-300 bg-white p-3">
                <span className="mr-2 inline-block rounded bg-red-800 px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-white">Urgent</span>
                <Link href={`/reviews/${r.id}`}>Review {r.clientCode ?? "case"}</Link> · {r.traineeName} · submitted {formatDateTime(r.submittedAt)} ({waitingFor(r.submittedAt, now)})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-stone-700">{after ? "No more cases." : urgent.length ? "Nothing else is waiting for your review." : "Nothing is waiting for your review."}</p>
      ) : (
        <DataTable
          label="Review queue"
          caption="Cases waiting for your review"
          cellClass="px-4 py-2"
          columns={["Case", "Trainee", "Rupture type", "Version", "Submitted", "Waiting"]}
        >
          <tbody className="divide-y divide-stone-200">
            <QueueRows rows={rows} now={now} />
          </tbody>
        </DataTable>
      )}
      {next ? (
        <p className="mt-4">
          <Link href={`/reviews?after=${encodeCursor(next)}`}>Next page</Link>
        </p>
      ) : null}
    </>
  );
});
