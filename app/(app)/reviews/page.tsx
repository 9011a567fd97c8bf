import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { decodeCursor, encodeCursor, formatDateTime, waitingFor } from "@/components/cases/format";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/auth/context";
import { labelOf } from "@/lib/cases/codes";
import { listReviewQueue } from "@/lib/cases/queue";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const ctx = await requireContext();
  if (!can(ctx.role, "cases.review")) notFound();
  const { after } = await searchParams;
  const { rows, next } = await listReviewQueue(ctx, { after: decodeCursor(after) });
  const now = new Date();
  return (
    <>
      <PageHeader title="Review queue" description="Cases your trainees have submitted, the longest waiting first." />
      {rows.length === 0 ? (
        <p className="text-stone-700">{after ? "No more cases." : "Nothing is waiting for your review."}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Cases waiting for your review</caption>
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-4 py-2">Case</th>
                <th scope="col" className="px-4 py-2">Trainee</th>
                <th scope="col" className="px-4 py-2">Rupture type</th>
                <th scope="col" className="px-4 py-2">Version</th>
                <th scope="col" className="px-4 py-2">Submitted</th>
                <th scope="col" className="px-4 py-2">Waiting</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-4 py-2">
                    {/* Plain links in long tables: next/link's per-link client work isn't worth it here. */}
                    <a href={`/reviews/${r.id}`}>{`Review ${r.clientCode ?? "case"}`}</a>
                  </td>
                  <td className="px-4 py-2">{r.traineeName}</td>
                  <td className="px-4 py-2">{labelOf("ruptureType", r.ruptureType)}</td>
                  <td className="px-4 py-2">{r.submissionCount}</td>
                  <td className="px-4 py-2">{formatDateTime(r.submittedAt)}</td>
                  <td className="px-4 py-2">{waitingFor(r.submittedAt, now)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next ? (
        <p className="mt-4">
          <Link href={`/reviews?after=${encodeCursor(next)}`}>Next page</Link>
        </p>
      ) : null}
    </>
  );
}
