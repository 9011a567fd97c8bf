import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { formatAge, getSupervisionActivity } from "@/lib/reports/supervision";
import { formatDuration } from "@/lib/hours/duration";
import { UnsupervisedPanel } from "@/components/admin/unsupervised-panel";
import { UnassignedPolicyForm } from "@/components/admin/unassigned-policy-form";
import { getUnassignedPolicy } from "@/lib/orgs/unsupervised";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Supervision activity" };

export default authedPage({ permission: "org.reports" }, async function SupervisionActivityPage(ctx) {
  const [rows, policy] = await Promise.all([getSupervisionActivity(ctx), getUnassignedPolicy(ctx)]);
  const now = new Date();
  return (
    <>
      <PageHeader title="Supervision activity" description="For each supervisor: how many cases their trainees have submitted that wait for review, and how long the oldest has waited; the supervision sessions they ran in the last 30 days; and practicum hours waiting for their approval. Case content isn't shown here." />
      <div className="mb-6">
        <UnsupervisedPanel ctx={ctx} showEmpty />
      </div>
      {rows.length === 0 ? (
        <p className="text-stone-700">No active supervisors yet. This report shows how quickly each supervisor reviews cases. <Link href="/admin/invitations">Invite supervisors</Link>.</p>
      ) : (
        <div className="scroll-cue overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label="Supervision activity">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Supervision activity</caption>
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-3 py-2">Supervisor</th>
                <th scope="col" className="px-3 py-2">Trainees</th>
                <th scope="col" className="px-3 py-2">Cases waiting</th>
                <th scope="col" className="px-3 py-2">Oldest waiting</th>
                <th scope="col" className="px-3 py-2">Sessions (30 days)</th>
                <th scope="col" className="px-3 py-2">Session time (30 days)</th>
                <th scope="col" className="px-3 py-2">Hour entries to approve</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {rows.map((r) => (
                <tr key={r.membershipId} data-testid="supervisor-row">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link href={`/admin/members/${r.membershipId}`}>{r.name}</Link>
                  </th>
                  <td className="px-3 py-2">{r.trainees}</td>
                  <td className="px-3 py-2">{r.queue}</td>
                  <td className="px-3 py-2">{r.oldestSubmittedAt ? formatAge(r.oldestSubmittedAt, now) : "—"}</td>
                  <td className="px-3 py-2" data-testid="supervisor-sessions">{r.sessions}</td>
                  <td className="px-3 py-2">{r.sessionMinutes ? formatDuration(r.sessionMinutes) : "—"}</td>
                  <td className="px-3 py-2">{r.hoursWaiting}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="policy-heading" className="mt-6 max-w-2xl rounded-lg border border-stone-200 bg-white p-5">
        <h2 id="policy-heading" className="text-lg font-semibold">
          Cases from trainees without a supervisor
        </h2>
        <div className="mt-3">
          <UnassignedPolicyForm policy={policy} />
        </div>
      </section>
    </>
  );
});
