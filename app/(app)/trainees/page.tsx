import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { formatAuDate } from "@/lib/modules/certificates";
import { listTraineeProgress } from "@/lib/modules/oversight";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Trainees" };

export default authedPage(async function TraineesPage(ctx) {
  const { moduleCount, rows } = await listTraineeProgress(ctx);
  return (
    <>
      <PageHeader
        title={ctx.role === "supervisor" ? "Your trainees" : "Trainee progress"}
        description={
          ctx.role === "supervisor"
            ? "Module progress, check scores and shared reflections of the trainees assigned to you."
            : "Module progress of every trainee in your organisation."
        }
      />
      {rows.length === 0 ? (
        <p className="text-stone-700">{ctx.role === "supervisor" ? "No trainees are assigned to you yet." : <>No trainees yet. This page shows each trainee&apos;s module progress. <Link href="/admin/invitations">Invite trainees</Link>.</>}</p>
      ) : (
        <div className="scroll-cue overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label="Trainees">
          <p className="px-3 pt-2 text-xs text-stone-700 sm:hidden">Scroll sideways to see every column.</p>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Trainee module progress</caption>
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-4 py-2">Trainee</th>
                <th scope="col" className="px-4 py-2">Modules complete</th>
                <th scope="col" className="px-4 py-2">Started</th>
                <th scope="col" className="px-4 py-2">Last lesson completed</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {rows.map((r) => (
                <tr key={r.membershipId}>
                  <td className="px-4 py-2">
                    <Link href={`/trainees/${r.membershipId}`}>{r.name}</Link>
                    {r.status === "deactivated" ? <span className="ml-2 text-stone-700">(deactivated)</span> : null}
                  </td>
                  <td className="px-4 py-2">
                    {r.complete} of {moduleCount}
                  </td>
                  <td className="px-4 py-2">{r.started}</td>
                  <td className="px-4 py-2">{r.lastActivity ? formatAuDate(r.lastActivity) : "None yet"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
});
