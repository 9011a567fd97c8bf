import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { decodeCursor, encodeCursor, formatDateTime, waitingFor } from "@/components/cases/format";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/auth/context";
import { labelOf } from "@/lib/cases/codes";
import { listReviewQueue, type QueueRow } from "@/lib/cases/queue";
import { html } from "@/lib/html";
import { can } from "@/lib/permissions";
import { DataTable } from "@/components/ui/data-table";
import { getEmailVerification } from "@/lib/auth/email-verification";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Review queue" };

const cell = "px-4 py-2";

function queueRows(rows: QueueRow[], now: Date) {
  return html`${rows.map(
    (r) =>
      html`<tr><td class="${cell}"><a href="/reviews/${r.id}">Review ${r.clientCode ?? "case"}</a></td><td class="${cell}">${r.traineeName}</td><td class="${cell}">${labelOf("ruptureType", r.ruptureType)}</td><td class="${cell}">${r.submissionCount}</td><td class="${cell}">${formatDateTime(r.submittedAt)}</td><td class="${cell}">${waitingFor(r.submittedAt, now)}</td></tr>`,
  )}`;
}

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const ctx = await requireContext();
  if (!can(ctx.role, "cases.review")) notFound();
  const { after } = await searchParams;
  const [{ rows, next }, verification] = await Promise.all([listReviewQueue(ctx, { after: decodeCursor(after) }), getEmailVerification(ctx.userId)]);
  const now = new Date();
  return (
    <>
      <PageHeader title="Review queue" description="Cases your trainees have submitted, the longest waiting first." />
      {!verification.verified ? (
        <div className="mb-4">
          <Alert tone="warning" title="Verify your email address to open cases">
            Case material stays hidden until you follow a link sent to {verification.email}. <Link href="/account">Send the link from your account page</Link>.
          </Alert>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-stone-700">{after ? "No more cases." : "Nothing is waiting for your review."}</p>
      ) : (
        <DataTable
          label="Review queue"
          caption="Cases waiting for your review"
          cellClass="px-4 py-2"
          columns={["Case", "Trainee", "Rupture type", "Version", "Submitted", "Waiting"]}
        >
          {/* The queue is opened dozens of times a day: its rows are one escaped string (lib/html.ts). */}
          <tbody className="divide-y divide-stone-200" dangerouslySetInnerHTML={{ __html: queueRows(rows, now).value }} />
        </DataTable>
      )}
      {next ? (
        <p className="mt-4">
          <Link href={`/reviews?after=${encodeCursor(next)}`}>Next page</Link>
        </p>
      ) : null}
    </>
  );
}
